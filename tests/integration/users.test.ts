import bcrypt from "bcryptjs";
import { describe, expect, it, vi } from "vitest";
import { authenticateCredentials } from "@/lib/server/services/auth/credentials";
import { registerSchema } from "@/lib/shared/auth/schemas";
import { AppError } from "@/lib/shared/errors";
import { createUser, getUserById, setUserPassword, verifyUserPassword, type UserDoc } from "@/models/users";
import { useAppDatabase } from "../helpers/app-db";

const db = useAppDatabase();
let counter = 0;

function newUser(overrides: Partial<{ username: string; email: string; password: string }> = {}) {
  counter += 1;
  return registerSchema.parse({ username: `user_${counter}`, email: `User${counter}@Example.com`, password: "correct horse", ...overrides });
}

async function conflictOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("creating users", () => {
  it("stores a lowercase email and a bcrypt hash, and never returns the hash", async () => {
    const user = await createUser(newUser({ username: "Ada", email: "Ada@Example.COM" }));
    expect(user).toMatchObject({ username: "ada", email: "ada@example.com", lastLogin: null });
    expect(JSON.stringify(user)).not.toMatch(/passwordHash|\$2[aby]\$/);

    const stored = await db.db().collection<UserDoc>("users").findOne({ username: "ada" });
    expect(stored?.passwordHash).toMatch(/^\$2[aby]\$04\$/);
    expect(stored?.passwordHash).not.toContain("correct horse");
    expect(stored?.createdAt).toBeInstanceOf(Date);
  });

  it("reports a taken username on the username field, from the unique index", async () => {
    await createUser(newUser({ username: "taken_name" }));
    const error = await conflictOf(createUser(newUser({ username: "Taken_Name" })));
    expect(error.code).toBe("conflict:username");
    expect(error.status).toBe(409);
    expect(error.fields).toEqual({ username: ["This username is already taken."] });
  });

  it("reports a taken email on the email field, whatever its case", async () => {
    await createUser(newUser({ email: "same@example.com" }));
    const error = await conflictOf(createUser(newUser({ email: "SAME@example.com" })));
    expect(error.code).toBe("conflict:email");
    expect(Object.keys(error.fields ?? {})).toEqual(["email"]);
  });

  it("lets two simultaneous sign-ups with one username produce exactly one account", async () => {
    const results = await Promise.allSettled([createUser(newUser({ username: "racer" })), createUser(newUser({ username: "racer" }))]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.db().collection("users").countDocuments({ username: "racer" })).toBe(1);
  });

  it("has the database refuse a user document that breaks the schema", async () => {
    const insert = db.db().collection("users").insertOne({ username: "NO SPACES", email: "x@y.z", passwordHash: "short" });
    await expect(insert).rejects.toThrow();
  });
});

describe("signing in", () => {
  it("accepts the username or the email in any case, and records lastLogin", async () => {
    const created = await createUser(newUser({ username: "grace", email: "grace@example.com", password: "hopper-1906" }));
    const before = Date.now();

    const byName = await authenticateCredentials({ identifier: "GRACE", password: "hopper-1906" });
    expect(byName?.id).toBe(created.id);
    const byEmail = await authenticateCredentials({ identifier: " Grace@Example.com ", password: "hopper-1906" });
    expect(byEmail?.id).toBe(created.id);

    const stored = await getUserById(created.id);
    expect(stored?.lastLogin?.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("fails the same way for a wrong password, an unknown user and injected operators", async () => {
    await createUser(newUser({ username: "linus", password: "right-password" }));
    expect(await authenticateCredentials({ identifier: "linus", password: "wrong-password" })).toBeNull();
    expect(await authenticateCredentials({ identifier: "nobody_here", password: "right-password" })).toBeNull();
    expect(await authenticateCredentials({ identifier: { $gt: "" }, password: { $gt: "" } })).toBeNull();
    expect(await authenticateCredentials({ identifier: "linus" })).toBeNull();
    expect(await authenticateCredentials(null)).toBeNull();
    const untouched = await db.db().collection<UserDoc>("users").findOne({ username: "linus" });
    expect(untouched?.lastLogin).toBeNull();
  });

  it("spends a full bcrypt comparison on an unknown user too, so timing does not reveal accounts", async () => {
    const compare = vi.spyOn(bcrypt, "compare");
    try {
      await authenticateCredentials({ identifier: "ghost_user", password: "whatever-1" });
      expect(compare).toHaveBeenCalledTimes(1);
      // Same algorithm and cost as a real hash (TEST_BCRYPT_COST=4 here, 12 in production).
      expect(compare.mock.calls[0]?.[1]).toMatch(/^\$2[aby]\$04\$/);
    } finally {
      compare.mockRestore();
    }
  });

  it("changes a password: the old one stops working, the new one works", async () => {
    const user = await createUser(newUser({ username: "changer", password: "old-password" }));
    expect(await verifyUserPassword(user.id, "old-password")).toBe(true);
    await setUserPassword(user.id, "new-password");
    expect(await authenticateCredentials({ identifier: "changer", password: "old-password" })).toBeNull();
    expect(await authenticateCredentials({ identifier: "changer", password: "new-password" })).toMatchObject({ username: "changer" });
  });

  it("treats a malformed user id as no user", async () => {
    expect(await getUserById("not-an-id")).toBeNull();
    expect(await verifyUserPassword("{\"$gt\":\"\"}", "x")).toBe(false);
  });
});
