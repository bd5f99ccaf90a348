/**
 * Writes a long conversation straight into the e2e app's embedded database through the driver
 * (playwright.config.ts sets E2E_DB_URI): typing 1,000 messages would take a test's whole budget.
 * Messages alternate user / AI, one second apart, shaped as models/messages.ts writes them.
 */
import { MongoClient, ObjectId } from "mongodb";

export async function seedMessages(conversationId: string, username: string, total: number, textOf: (i: number) => string): Promise<void> {
  const client = await MongoClient.connect(process.env.E2E_DB_URI!);
  try {
    const db = client.db(process.env.MONGODB_DB ?? "chatcraft");
    const user = await db.collection("users").findOne({ username });
    const start = Date.now() - total * 1_000;
    const docs = Array.from({ length: total }, (_, i) => ({
      _id: new ObjectId(),
      conversationId: new ObjectId(conversationId),
      userId: user!._id,
      sender: i % 2 ? "ai" : "user",
      kind: "message",
      message: textOf(i),
      timestamp: new Date(start + i * 1_000),
      status: "complete",
    }));
    await db.collection("messages").insertMany(docs);
    await db.collection("conversations").updateOne({ _id: new ObjectId(conversationId) }, { $set: { messageCount: total, lastMessageAt: docs.at(-1)!.timestamp } });
  } finally {
    await client.close();
  }
}
