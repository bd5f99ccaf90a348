/**
 * GET /api/v1/me/export: a user with 10,000 messages is streamed with flat memory (measured: live
 * heap sampled after forced GCs while the export is read), and the export round-trips — every
 * document the user owns appears exactly once, another user's never, and no secret ever does.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { ObjectId } from "mongodb";
import { describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/server/services/api/tokens";
import { useAppDatabase } from "../helpers/app-db";
import { call } from "./client";
import { makeApiUser, makeConversation, makeProject } from "./fixtures";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);

const test = useAppDatabase();

const MESSAGES = 10_000;
const TEXT = "x".repeat(2_000);

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

async function seedMessages(conversationIds: ObjectId[], owner: ObjectId): Promise<void> {
  const start = Date.now() - MESSAGES * 10;
  for (let batch = 0; batch < MESSAGES; batch += 1000) {
    const docs = Array.from({ length: 1000 }, (_, i) => {
      const n = batch + i;
      return {
        _id: new ObjectId(),
        conversationId: conversationIds[n % conversationIds.length]!,
        userId: owner,
        sender: n % 2 === 0 ? "user" : "ai",
        kind: "message",
        message: `${n} ${TEXT}`,
        timestamp: new Date(start + n * 10),
        status: "complete",
      };
    });
    await test.db().collection("messages").insertMany(docs);
  }
}

type ExportRecord = { type: string; id?: string; data?: Record<string, unknown>; counts?: Record<string, number>; secretSeen: boolean };

/** A record without its bulky text: kept so the reader itself holds little (JSON.parse copies, no slices of the chunk survive). */
function compact(line: string, secrets: RegExp): ExportRecord {
  const record = JSON.parse(line) as { type: string; data?: Record<string, unknown>; counts?: Record<string, number> };
  const keepData = record.type === "header" || record.type === "user" || record.type === "end";
  return {
    type: record.type,
    id: typeof record.data?._id === "string" ? record.data._id : undefined,
    ...(keepData ? { data: { ...record, ...record.data } } : {}),
    ...(record.counts ? { counts: record.counts } : {}),
    secretSeen: secrets.test(line),
  };
}

/** Reads a streamed body chunk by chunk, measuring live heap (after GC) every `every` chunks. */
async function readMeasured(response: Response, secrets: RegExp, every = 400): Promise<{ records: ExportRecord[]; bytes: number; peakLiveGrowth: number }> {
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = 0;
  let bytes = 0;
  let chunks = 0;
  const records: ExportRecord[] = [];
  const decoder = new TextDecoder();
  const reader = response.body!.getReader();
  let carry = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    carry += decoder.decode(value, { stream: true });
    const lines = carry.split("\n");
    carry = lines.pop() ?? "";
    for (const line of lines) if (line) records.push(compact(line, secrets));
    chunks += 1;
    if (chunks % every === 0) {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    }
  }
  if (carry) records.push(compact(carry, secrets));
  return { records, bytes, peakLiveGrowth: peak };
}

describe("exporting a user's data", () => {
  it("streams 10,000 messages with flat memory and every owned document exactly once", async () => {
    const me = await makeApiUser("exporter");
    const stranger = await makeApiUser("stranger");
    await makeConversation(stranger);
    const conversationIds = await Promise.all(Array.from({ length: 20 }, () => makeConversation(me)));
    await call("POST", "/api/v1/roles", {
      as: { token: me.token },
      body: { name: "Mine", category: "Own", instructions: "Be brief.", fields: [{ key: "topic", label: "Topic", type: "text" }] },
    });
    await createApiToken(me.owner, { name: "third", scope: "read" });
    await makeProject(me);
    await makeProject(stranger);
    await seedMessages(conversationIds.map((id) => new ObjectId(id)), me.owner);

    const started = Date.now();
    const response = await call("GET", "/api/v1/me/export?format=ndjson", { as: { token: me.token } });
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="chatcraft-export-\d{4}-\d{2}-\d{2}\.ndjson"/);
    const secrets = new RegExp(`passwordHash|tokenHash|credentialVersion|${me.token}|${stranger.user.id}`);
    const { records, bytes, peakLiveGrowth } = await readMeasured(response, secrets);
    const seconds = (Date.now() - started) / 1000;
    console.info(`export: ${MESSAGES} messages, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s, peak live heap growth ${(peakLiveGrowth / 1e6).toFixed(1)} MB`);
    expect(bytes).toBeGreaterThan(MESSAGES * TEXT.length);
    // Holding the export (or the messages) would need > 20 MB; streaming holds a batch or two.
    expect(peakLiveGrowth).toBeLessThan(8e6);

    expect(records[0]).toMatchObject({ type: "header", data: { format: "chatcraft-export", version: 1 } });
    expect(records[1]).toMatchObject({ type: "user", data: { _id: me.user.id, username: me.user.username } });
    expect(records.at(-1)?.type).toBe("end");

    const exported = new Map<string, string[]>();
    for (const record of records.slice(2, -1)) exported.set(record.type, [...(exported.get(record.type) ?? []), record.id ?? ""]);
    const owned = async (name: string) => (await test.db().collection(name).find({ userId: me.owner }, { projection: { _id: 1 } }).toArray()).map((d) => String(d._id));
    for (const [type, collection] of [["role", "roles"], ["brief", "briefs"], ["conversation", "conversations"], ["message", "messages"], ["project", "projects"], ["task", "tasks"], ["apiToken", "apiTokens"]] as const) {
      const ids = exported.get(type) ?? [];
      expect(new Set(ids).size, `${type} appears once each`).toBe(ids.length);
      expect([...ids].sort(), type).toEqual((await owned(collection)).sort());
    }
    expect(exported.get("message")).toHaveLength(MESSAGES);
    // 20 chats plus the project's own planner chat.
    expect(records.at(-1)?.counts).toMatchObject({ messages: MESSAGES, conversations: 21, projects: 1, tasks: 2, apiTokens: 3, roles: 1 });

    expect(records.filter((record) => record.secretSeen)).toEqual([]);
  }, 180_000);

  it("the JSON format is one document with the same sections and counts", async () => {
    const me = await makeApiUser("jsonexport");
    await makeConversation(me);
    const response = await call("GET", "/api/v1/me/export", { as: { session: me.user } });
    const body = (await response.json()) as Record<string, unknown> & { counts: Record<string, number>; messages: unknown[]; conversations: unknown[] };
    expect(body).toMatchObject({ format: "chatcraft-export", version: 1, user: { _id: me.user.id } });
    expect(Object.keys(body)).toEqual(["format", "version", "exportedAt", "user", "roles", "briefs", "conversations", "messages", "projects", "tasks", "apiTokens", "attachments", "counts"]);
    expect(body.counts).toEqual({ roles: 0, briefs: 1, conversations: 1, messages: 0, projects: 0, tasks: 0, apiTokens: 2, attachments: 0 });
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|tokenHash/);
  });
});
