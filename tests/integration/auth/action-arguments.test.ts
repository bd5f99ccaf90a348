import { describe, expect, it, vi } from "vitest";
import { registerAction } from "@/app/(auth)/register/actions";
import { signInAction } from "@/app/(auth)/login/actions";
import { useAppDatabase } from "../../helpers/app-db";

useAppDatabase();
// next-auth does not load under vitest; every case here is refused before it would be called.
vi.mock("@/auth", () => ({ signIn: vi.fn(() => Promise.reject(new Error("not reached"))), signOut: vi.fn(), auth: vi.fn() }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {}, CredentialsSignin: class CredentialsSignin extends Error {} }));

/** Server actions are public endpoints: whatever arguments a client sends must get the form's own answer. */
describe("account actions called with the wrong arguments", () => {
  const wrongArguments: unknown[] = [{ identifier: "someone", password: "x" }, null, "identifier=someone", [1, 2], 42];

  it("sign-in answers with its field errors instead of throwing", async () => {
    for (const argument of wrongArguments) {
      const state = await signInAction(null, argument as FormData);
      expect(state).toMatchObject({ ok: false, error: { fields: { identifier: ["Enter your username or email."] } } });
    }
  });

  it("sign-up answers with its field errors instead of throwing", async () => {
    for (const argument of wrongArguments) {
      const state = await registerAction(null, argument as FormData);
      expect(state.ok).toBe(false);
      expect(Object.keys(state.ok ? {} : (state.error.fields ?? {}))).toEqual(expect.arrayContaining(["username", "email", "password"]));
    }
  });

  it("a 1 MB field is the field's own error", async () => {
    const form = new FormData();
    form.set("identifier", "a".repeat(1024 * 1024));
    form.set("password", "x");
    expect(await signInAction(null, form)).toMatchObject({ error: { fields: { identifier: ["That is longer than any username or email."] } } });
    const signUp = new FormData();
    signUp.set("username", "a".repeat(1024 * 1024));
    signUp.set("email", "b".repeat(1024 * 1024));
    signUp.set("password", "c".repeat(1024 * 1024));
    const state = await registerAction(null, signUp);
    expect(Object.keys(state.ok ? {} : (state.error.fields ?? {}))).toEqual(expect.arrayContaining(["username", "email", "password"]));
  });
});
