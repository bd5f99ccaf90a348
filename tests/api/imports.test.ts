/**
 * /api/v1/imports end to end through the route handlers and the driver: an upload answered 202
 * with a job that runs to done, conversations kept with their titles, times and chosen branch,
 * the same file imported twice not duplicated, a failure while writing one conversation leaving
 * none of it, a cut-off file stopping with what came before it whole, refusals before a job
 * exists (zip, oversized, unknown role), and another user's job answering 404.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/server/infra/env";
import type { ImportJobDTO } from "@/lib/shared/import/schemas";
import { useAppDatabase } from "../helpers/app-db";
import { call } from "./client";
import { makeApiUser, makeConversation, type ApiUser } from "./fixtures";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);
vi.mock("@/lib/server/services/chat/ai-adapter", async (importOriginal) => {
  const { sharedModel } = await import("../integration/chat/fixtures");
  return { ...(await importOriginal<typeof import("@/lib/server/services/chat/ai-adapter")>()), getChatModel: () => sharedModel };
});

/** Set to a message text: writing the messages of the conversation that holds it fails. */
const failOn = vi.hoisted(() => ({ text: null as string | null }));
vi.mock("@/models/messages", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/models/messages")>();
  return {
    ...original,
    insertImportedMessages: async (...args: Parameters<typeof original.insertImportedMessages>) => {
      if (failOn.text && args[2].some((message) => message.message === failOn.text)) throw new Error("disk on fire");
      return original.insertImportedMessages(...args);
    },
  };
});

const test = useAppDatabase();
const FIXTURES = join(__dirname, "../fixtures/import");

afterEach(() => {
  failOn.text = null;
  delete process.env.IMPORT_MAX_BYTES;
  resetEnvCache();
});

async function upload(user: ApiUser, name: string | Uint8Array<ArrayBuffer>, fields: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  const bytes = typeof name === "string" ? new Uint8Array(readFileSync(join(FIXTURES, name))) : name;
  form.append("file", new Blob([bytes], { type: "application/json" }), "conversations.json");
  return call("POST", "/api/v1/imports", { as: { token: user.token }, upload: form });
}

async function finished(user: ApiUser, id: string): Promise<ImportJobDTO> {
  return vi.waitFor(
    async () => {
      const job = ((await (await call("GET", `/api/v1/imports/${id}`, { as: { token: user.token } })).json()) as { job: ImportJobDTO }).job;
      if (job.status !== "done" && job.status !== "failed") throw new Error(`still ${job.status}`);
      return job;
    },
    { timeout: 15_000, interval: 50 },
  );
}

async function importFile(user: ApiUser, name: string | Uint8Array<ArrayBuffer>, fields?: Record<string, string>): Promise<ImportJobDTO> {
  const response = await upload(user, name, fields);
  expect(response.status).toBe(202);
  const { job } = (await response.json()) as { job: ImportJobDTO };
  expect(response.headers.get("location")).toBe(`/api/v1/imports/${job.id}`);
  return finished(user, job.id);
}

const conversationsOf = (user: ApiUser) => test.db().collection("conversations").find({ userId: user.owner }).sort({ createdAt: 1 }).toArray();
const messagesOf = (user: ApiUser) => test.db().collection("messages").find({ userId: user.owner }).sort({ timestamp: 1 }).toArray();

describe("importing a ChatGPT conversations.json", () => {
  it("imports each conversation with its title, times and chosen branch, under the ChatCraft Guide", async () => {
    const me = await makeApiUser("gpt");
    const job = await importFile(me, "chatgpt-conversations.json");
    expect(job).toMatchObject({ status: "done", format: "chatgpt", counts: { imported: 2, skipped: 0, failed: 1 }, error: null });
    expect(job.failures).toEqual([expect.objectContaining({ index: 2, title: "Broken one" })]);
    expect(job.bytesRead).toBe(job.bytesTotal);

    const [sourdough, lisbon] = await conversationsOf(me);
    expect(sourdough).toMatchObject({ title: "Sourdough starter help", roleId: "chatcraft-guide", messageCount: 5, createdAt: new Date(1714000000123) });
    expect(lisbon!.title).toBe("Packing list for Lisbon");
    const listed = await call("GET", `/api/v1/conversations/${sourdough!._id.toHexString()}/messages`, { as: { token: me.token } });
    const { items } = (await listed.json()) as { items: { sender: string; message: string; timestamp: string }[] };
    expect(items.map((m) => m.message)).toEqual([
      "My starter smells like nail polish. Is it dead?",
      "No: that smell means it is hungry. Feed it twice a day.",
      "What flour ratio do you recommend for rye?",
      "For rye, use a little more water: 1 part flour to 1.2 parts water.",
      "Here is a photo of it.",
    ]);
    expect(items[0]!.timestamp).toBe(new Date(1714000010000).toISOString());
  });

  it("does not duplicate anything when the same file is imported again", async () => {
    const me = await makeApiUser("twice");
    await importFile(me, "chatgpt-conversations.json");
    const again = await importFile(me, "chatgpt-conversations.json");
    expect(again.counts).toEqual({ imported: 0, skipped: 2, failed: 1 });
    expect(await conversationsOf(me)).toHaveLength(2);
    expect(await messagesOf(me)).toHaveLength(7);
  });

  it("leaves nothing of a conversation whose messages fail to save, and imports the others", async () => {
    const me = await makeApiUser("atomic");
    failOn.text = "What should I pack for 4 days in Lisbon in May?";
    const job = await importFile(me, "chatgpt-conversations.json");
    expect(job.counts).toEqual({ imported: 1, skipped: 0, failed: 2 });
    expect(job.failures[0]).toMatchObject({ title: "Packing list for Lisbon", reason: "It could not be saved; nothing of it was kept." });
    expect((await conversationsOf(me)).map((c) => c.title)).toEqual(["Sourdough starter help"]);
    expect(await messagesOf(me)).toHaveLength(5);

    // The failed one comes in whole on the next try; the first is skipped.
    failOn.text = null;
    expect((await importFile(me, "chatgpt-conversations.json")).counts).toEqual({ imported: 1, skipped: 1, failed: 1 });
  });

  it("stops a cut-off file with a clear error, keeping the whole conversations before the cut", async () => {
    const me = await makeApiUser("cut");
    const job = await importFile(me, "chatgpt-truncated.json");
    expect(job).toMatchObject({ status: "failed", counts: { imported: 1, skipped: 0, failed: 0 }, error: { code: "unprocessable:import_truncated" } });
    expect((await conversationsOf(me)).map((c) => c.title)).toEqual(["Sourdough starter help"]);
  });
});

describe("other formats", () => {
  it("imports a Claude export under the role picked", async () => {
    const me = await makeApiUser("claude");
    const job = await importFile(me, "claude-conversations.json", { roleId: "tech-support" });
    expect(job).toMatchObject({ format: "claude", roleId: "tech-support", counts: { imported: 2, failed: 1 } });
    expect((await conversationsOf(me)).map((c) => [c.title, c.roleId])).toEqual([
      ["Imported conversation", "tech-support"],
      ["Refactoring a React hook", "tech-support"],
    ]);
  });

  it("re-imports a ChatCraft export with each conversation's own role and details when they still fit", async () => {
    const me = await makeApiUser("again");
    const job = await importFile(me, "chatcraft-export.ndjson");
    expect(job).toMatchObject({ format: "chatcraft", counts: { imported: 3, skipped: 0, failed: 0 } });
    const byTitle = Object.fromEntries((await conversationsOf(me)).map((c) => [c.title, c]));
    expect(byTitle["Weekend in Bergen"]).toMatchObject({ roleId: "travel-planner", messageCount: 2, details: expect.objectContaining({ travel_budget: "Moderate" }) });
    expect(byTitle["Chat with notice"]!.roleId).toBe("chatcraft-guide");
    expect(byTitle["Empty chat"]).toMatchObject({ roleId: "tech-support", messageCount: 0 });
  });

  it("brings a real Download my data file into another, empty account", async () => {
    const from = await makeApiUser("exporter");
    const conversationId = await makeConversation(from);
    const sent = await call("POST", `/api/v1/conversations/${conversationId}/messages`, { as: { token: from.token }, body: { text: "Where are my settings?", stream: false } });
    expect(sent.status).toBe(200);
    const exported = await call("GET", "/api/v1/me/export", { as: { token: from.token } });
    const into = await makeApiUser("importer");
    const job = await importFile(into, new Uint8Array(await exported.arrayBuffer()));
    expect(job).toMatchObject({ status: "done", format: "chatcraft", counts: { imported: 1, skipped: 0, failed: 0 } });
    const [original] = await conversationsOf(from);
    const [copy] = await conversationsOf(into);
    expect(copy).toMatchObject({ title: original!.title, roleId: "chatcraft-guide", createdAt: original!.createdAt, details: original!.details });
    expect((await messagesOf(into)).map((m) => [m.sender, m.message, m.timestamp])).toEqual((await messagesOf(from)).map((m) => [m.sender, m.message, m.timestamp]));
  });

  it("fails a file that is not an export, importing nothing", async () => {
    const me = await makeApiUser("foreign");
    const job = await importFile(me, "not-conversations.json");
    expect(job).toMatchObject({ status: "failed", format: null, error: { code: "unprocessable:import_format" } });
    expect(await conversationsOf(me)).toHaveLength(0);
  });
});

describe("refusals and ownership", () => {
  it("refuses a zip, an oversized file and a role that is not the caller's before any job starts", async () => {
    const me = await makeApiUser("refused");
    const zip = await upload(me, "zip-archive.json");
    expect(zip.status).toBe(422);
    expect(((await zip.json()) as { detail: string }).detail).toMatch(/zip archive/);

    const role = await upload(me, "claude-conversations.json", { roleId: "custom-not-mine" });
    expect(role.status).toBe(404);
    expect(((await role.json()) as { errors: Record<string, string[]> }).errors.roleId).toEqual(["Pick one of your roles."]);

    process.env.IMPORT_MAX_BYTES = "1000";
    resetEnvCache();
    const big = await upload(me, "chatgpt-conversations.json");
    expect(big.status).toBe(413);
    expect(((await big.json()) as { code: string }).code).toBe("payload_too_large:import");
    expect(await test.db().collection("importJobs").countDocuments({ userId: me.owner })).toBe(0);
  });

  it("streams a job's progress as server-sent events, ending with the finished job", async () => {
    const me = await makeApiUser("sse");
    const response = await upload(me, "chatgpt-conversations.json");
    const { job } = (await response.json()) as { job: ImportJobDTO };
    const events = await call("GET", `/api/v1/imports/${job.id}/events`, { as: { token: me.token } });
    expect(events.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const frames = (await events.text()).trim().split("\n\n");
    const jobs = frames.map((frame) => (JSON.parse(frame.replace(/^event: progress\ndata: /, "")) as { job: ImportJobDTO }).job);
    expect(frames.every((frame) => frame.startsWith("event: progress\n"))).toBe(true);
    expect(jobs.at(-1)).toMatchObject({ id: job.id, status: "done", counts: { imported: 2, skipped: 0, failed: 1 } });
  });

  it("answers another user's job, and an id that is not one, with 404", async () => {
    const owner = await makeApiUser("jobowner");
    const other = await makeApiUser("snoop");
    const job = await importFile(owner, "claude-conversations.json");
    expect((await call("GET", `/api/v1/imports/${job.id}`, { as: { token: other.token } })).status).toBe(404);
    expect((await call("GET", "/api/v1/imports/not-an-id", { as: { token: other.token } })).status).toBe(404);
    expect((await call("GET", `/api/v1/imports/${job.id}/events`, { as: { token: other.token } })).status).toBe(404);
  });
});
