import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import { deleteUserData, OWNED_COLLECTIONS } from "@/lib/server/services/account/delete-account";
import { registerSchema } from "@/lib/shared/auth/schemas";
import { createUser } from "@/models/users";
import { useAppDatabase } from "../helpers/app-db";

const test = useAppDatabase();

// Minimal documents: the other models' validators are not what this test is about.
const raw = { bypassDocumentValidation: true };

async function seedEverything(userId: string) {
  const owner = new ObjectId(userId);
  const db = test.db();
  const conversationId = new ObjectId();
  const projectId = new ObjectId();
  await db.collection("conversations").insertOne({ _id: conversationId, userId: owner, roleId: "tech-support", title: "t" }, raw);
  await db.collection("messages").insertMany([
    { conversationId, userId: owner, sender: "user", message: "hi", timestamp: new Date() },
    // A child document that only points at its parent still goes with it.
    { conversationId, sender: "ai", message: "hello", timestamp: new Date() },
  ], raw);
  await db.collection("briefs").insertOne({ userId: owner, roleId: "tech-support", details: {} }, raw);
  await db.collection("roles").insertOne({ userId: owner, id: "my-role" }, raw);
  await db.collection("projects").insertOne({ _id: projectId, userId: owner, name: "p" }, raw);
  await db.collection("tasks").insertMany([{ projectId, userId: owner, title: "a" }, { projectId, title: "b" }], raw);
  // Stored as a string by some model: still the same owner.
  await db.collection("apiTokens").insertOne({ userId: userId, name: "cli", tokenHash: `hash-of-${userId}` }, raw);
  await db.collection("idempotencyKeys").insertOne({ _id: `key-${userId}` as never, userId: owner, state: "done" }, raw);
  await db.collection("sessions").insertOne({ _id: `session-${userId}-0123456789abcdef0123`, userId: owner, device: "Chrome on Linux" } as never, raw);
}

async function countOwned(userId: string): Promise<number> {
  const db = test.db();
  let total = await db.collection("users").countDocuments({ _id: new ObjectId(userId) });
  for (const name of OWNED_COLLECTIONS) {
    total += await db.collection(name).countDocuments({ userId: { $in: [new ObjectId(userId), userId] } });
  }
  return total;
}

describe("deleteUserData", () => {
  it("removes every document the user owns and leaves another user's data alone", async () => {
    const doomed = await createUser(registerSchema.parse({ username: "doomed", email: "doomed@example.com", password: "password-1" }));
    const keeper = await createUser(registerSchema.parse({ username: "keeper", email: "keeper@example.com", password: "password-2" }));
    await seedEverything(doomed.id);
    await seedEverything(keeper.id);
    const keeperBefore = await countOwned(keeper.id);
    const totalBefore = await Promise.all(["messages", "tasks"].map((name) => test.db().collection(name).countDocuments()));

    const counts = await deleteUserData(doomed.id);

    expect(counts).toMatchObject({ users: 1, conversations: 1, messages: 2, briefs: 1, roles: 1, projects: 1, tasks: 2, apiTokens: 1, sessions: 1 });
    expect(await countOwned(doomed.id)).toBe(0);
    expect(await countOwned(keeper.id)).toBe(keeperBefore);
    const totalAfter = await Promise.all(["messages", "tasks"].map((name) => test.db().collection(name).countDocuments()));
    expect(totalAfter).toEqual(totalBefore.map((n) => n - 2));
  });

  it("refuses something that is not a user id instead of deleting by a bad filter", async () => {
    await expect(deleteUserData("{\"$ne\":null}")).rejects.toThrow(/not a user id/);
  });
});
