/**
 * The floor with the database work no reply can skip — the "ownership, validation, rate
 * limit, and the user's message durably saved" before the model is called — done in the same
 * three dependent round trips as the app, with the same driver, and nothing else (no next-auth,
 * no SDK, no NDJSON): the session and its user read together; the conversation and a rate-limit
 * counter together; the message written (majority, into the validated `messages` collection)
 * while the recent history is read. Then the same forward as /api/floor.
 */
import { MongoClient, ObjectId } from "mongodb";

export const dynamic = "force-dynamic";

const client = new MongoClient(process.env.FLOOR_MONGODB_URI ?? "mongodb://127.0.0.1:1", { writeConcern: { w: "majority" } });
const connected = client.connect();

export async function POST(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const userId = new ObjectId(url.searchParams.get("user") ?? "");
  const conversationId = new ObjectId(url.searchParams.get("conversation") ?? "");
  const body = await request.text();
  const db = (await connected).db(process.env.FLOOR_MONGODB_DB);

  const [session, user] = await Promise.all([
    db.collection<{ _id: string }>("sessions").findOne({ _id: url.searchParams.get("session") ?? "", userId, expiresAt: { $gt: new Date() } }),
    db.collection("users").findOne({ _id: userId }),
  ]);
  const [conversation] = await Promise.all([
    db.collection("conversations").findOne({ _id: conversationId, userId }),
    db.collection<{ _id: string; points: number }>("bench_floor_limits").findOneAndUpdate(
      { _id: `chat:${userId.toHexString()}` },
      { $inc: { points: 1 } },
      { upsert: true, returnDocument: "after" },
    ),
  ]);
  if (!session || !user || !conversation) return new Response("not found", { status: 404 });
  await Promise.all([
    db.collection("messages").find({ conversationId, userId }).sort({ timestamp: -1 }).limit(200).toArray(),
    db.collection("messages").insertOne({
      conversationId,
      userId,
      sender: "user",
      kind: "message",
      message: body.slice(0, 200),
      timestamp: new Date(),
      status: "complete",
    }),
  ]);

  const upstream = await fetch(`${process.env.FAKE_GEMINI_URL}/v1beta/models/floor:streamGenerateContent?alt=sse`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  return new Response(upstream.body, { status: upstream.status, headers: { "content-type": "text/event-stream" } });
}
