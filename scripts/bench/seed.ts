/**
 * Seeds the benchmark's data straight through the driver into the database the app uses:
 * one user (signed in through the app afterwards) and conversations of a chosen length, shaped
 * exactly as models/ writes them.
 */
import bcrypt from "bcryptjs";
import { ObjectId, type Db } from "mongodb";
import { snapshotOf } from "@/lib/server/services/chat/conversation-service";
import { getBuiltInRole } from "@/lib/server/services/roles/built-in-roles";

export interface BenchUser {
  id: ObjectId;
  username: string;
  password: string;
}

export async function seedUser(db: Db): Promise<BenchUser> {
  const user: BenchUser = { id: new ObjectId(), username: "bench_user", password: "bench-password-1" };
  const now = new Date();
  await db.collection("users").insertOne({
    _id: user.id,
    username: user.username,
    email: "bench@example.com",
    passwordHash: await bcrypt.hash(user.password, 4),
    lastLogin: null,
    credentialVersion: 0,
    createdAt: now,
    updatedAt: now,
  });
  return user;
}

const PARAGRAPH =
  "Here is what I would check first, in order, so we rule out the cheap causes before the expensive ones. " +
  "Restart the router and note whether the **lights** change; then try a wired connection to see if it is the Wi-Fi.";
const CODE = "```bash\nping -c 4 1.1.1.1\nnslookup example.com\nip route show\n```";

/** A reply with the markdown a model writes: paragraphs, a list, and now and then a code block. */
function aiText(i: number): string {
  const parts = [PARAGRAPH, "- step one: `ipconfig /all`\n- step two: compare the gateway\n- step three: *report back*", PARAGRAPH];
  if (i % 5 === 0) parts.push(CODE);
  return parts.join("\n\n");
}

/** A conversation with `count` messages, alternating user and AI, strictly increasing timestamps. */
export async function seedConversation(db: Db, owner: ObjectId, count: number): Promise<ObjectId> {
  const snapshot = snapshotOf(getBuiltInRole("tech-support")!);
  const id = new ObjectId();
  const start = Date.UTC(2026, 0, 1);
  const last = new Date(start + Math.max(0, count - 1) * 1000);
  await db.collection("conversations").insertOne({
    _id: id,
    userId: owner,
    ...snapshot,
    details: {},
    title: `Bench conversation (${count} messages)`,
    titleSource: "user",
    createdAt: new Date(start),
    updatedAt: last,
    lastMessageAt: last,
    messageCount: count,
  });
  const batch = [];
  for (let i = 0; i < count; i++) {
    const ai = i % 2 === 1;
    batch.push({
      _id: new ObjectId(),
      conversationId: id,
      userId: owner,
      sender: ai ? "ai" : "user",
      kind: "message",
      message: ai ? aiText(i) : `Question ${i}: my laptop drops the Wi-Fi every few minutes, what should I try next?`,
      timestamp: new Date(start + i * 1000),
      status: "complete",
    });
    if (batch.length === 1000 || i === count - 1) {
      await db.collection("messages").insertMany(batch.splice(0));
    }
  }
  return id;
}

/** A server-side session record for the floor route to read, shaped as models/sessions.ts writes it. */
export async function seedSession(db: Db, owner: ObjectId): Promise<string> {
  const id = `bench-floor-session-${"x".repeat(24)}`;
  const now = new Date();
  await db.collection<{ _id: string; userId: ObjectId; device: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date }>("sessions").insertOne({
    _id: id,
    userId: owner,
    device: "bench",
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + 24 * 3600 * 1000),
  });
  return id;
}
