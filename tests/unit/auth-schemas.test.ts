import { describe, expect, it } from "vitest";
import { changePasswordSchema, registerSchema, signInSchema, usernameSchema, newPasswordSchema } from "@/lib/shared/auth/schemas";

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string): string[] {
  return (result.error?.issues ?? []).filter((issue) => issue.path.join(".") === field).map((issue) => issue.message);
}

describe("username rules", () => {
  it("accepts 3–32 of a–z, digits, _ and -, lowercasing what the user typed", () => {
    expect(usernameSchema.parse("  Ada_Lovelace-1 ")).toBe("ada_lovelace-1");
    expect(usernameSchema.parse("abc")).toBe("abc");
    expect(usernameSchema.parse("a".repeat(32))).toHaveLength(32);
  });

  it("refuses too short, too long and other characters with a message", () => {
    expect(usernameSchema.safeParse("ab").error?.issues[0]?.message).toMatch(/at least 3/);
    expect(usernameSchema.safeParse("a".repeat(33)).error?.issues[0]?.message).toMatch(/at most 32/);
    for (const bad of ["ada lovelace", "ada.l", "adä", "ada@x", "名前です", "ada😀x"]) {
      expect(usernameSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("refuses non-strings such as query operators", () => {
    expect(usernameSchema.safeParse({ $gt: "" }).success).toBe(false);
    expect(usernameSchema.safeParse(["ada"]).success).toBe(false);
    expect(usernameSchema.safeParse(42).success).toBe(false);
  });
});

describe("password rules", () => {
  it("needs at least 8 characters", () => {
    expect(newPasswordSchema.safeParse("1234567").error?.issues[0]?.message).toMatch(/at least 8/);
    expect(newPasswordSchema.parse("12345678")).toBe("12345678");
  });

  it("allows exactly 72 bytes and refuses 73, counting UTF-8 bytes rather than characters", () => {
    expect(newPasswordSchema.safeParse("a".repeat(72)).success).toBe(true);
    const tooLong = newPasswordSchema.safeParse("a".repeat(73));
    expect(tooLong.error?.issues[0]?.message).toMatch(/72 bytes/);
    // 24 × "€" is 24 characters but 72 bytes; one more is over.
    expect(newPasswordSchema.safeParse("€".repeat(24)).success).toBe(true);
    expect(newPasswordSchema.safeParse("€".repeat(25)).success).toBe(false);
    // 40 characters of 2-byte letters is 80 bytes: refused though short in characters.
    expect(newPasswordSchema.safeParse("é".repeat(40)).success).toBe(false);
  });

  it("keeps spaces in passwords instead of trimming them", () => {
    expect(newPasswordSchema.parse("  spaced pass  ")).toBe("  spaced pass  ");
  });
});

describe("register form", () => {
  it("normalises email to lowercase and puts each problem on its field", () => {
    const ok = registerSchema.parse({ username: "Ada", email: " Ada@Example.COM ", password: "long-enough" });
    expect(ok).toMatchObject({ username: "ada", email: "ada@example.com" });

    const bad = registerSchema.safeParse({ username: "a", email: "not-an-email", password: "short" });
    expect(messages(bad, "username")).toHaveLength(1);
    expect(messages(bad, "email")[0]).toBe("Enter a valid email address.");
    expect(messages(bad, "password")[0]).toMatch(/at least 8/);
  });

  it("refuses wrong types and missing fields without throwing", () => {
    const result = registerSchema.safeParse({ username: { $ne: null }, email: 5, password: null });
    expect(result.success).toBe(false);
    expect(messages(result, "username")).toEqual(["Enter a username."]);
    expect(registerSchema.safeParse(undefined).success).toBe(false);
    expect(registerSchema.safeParse({ username: "x".repeat(100_000), email: "a@b.co", password: "pw-pw-pw-pw" }).success).toBe(false);
  });
});

describe("sign-in and change-password forms", () => {
  it("lowercases the identifier and needs both fields", () => {
    expect(signInSchema.parse({ identifier: " Ada@Example.com ", password: "x" }).identifier).toBe("ada@example.com");
    const empty = signInSchema.safeParse({ identifier: "", password: "" });
    expect(messages(empty, "identifier")).toEqual(["Enter your username or email."]);
    expect(messages(empty, "password")).toEqual(["Enter your password."]);
  });

  it("reports a mismatched confirmation on the confirm field", () => {
    const result = changePasswordSchema.safeParse({ currentPassword: "old-password", newPassword: "new-password-1", confirmPassword: "new-password-2" });
    expect(messages(result, "confirmPassword")).toEqual(["The passwords do not match."]);
  });
});
