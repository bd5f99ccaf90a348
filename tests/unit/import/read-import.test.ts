/**
 * The import readers over small files that follow each app's published export structure
 * (tests/fixtures/import): the format is told from the contents, ChatGPT's branches flatten to
 * the path that ends at current_node, system/tool/hidden/empty turns are dropped, and a
 * malformed, truncated or foreign file is refused with its own error.
 */
import { createReadStream, readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { ImportEvent, ImportItem } from "@/lib/server/services/import/imported";
import { ImportReader } from "@/lib/server/services/import/read-import";
import { AppError } from "@/lib/shared/errors";

const FIXTURES = join(__dirname, "../../fixtures/import");

async function readAll(source: Readable, maxMessages = 100): Promise<{ format?: string; items: ImportItem[]; bytes: number }> {
  const reader = new ImportReader(source, maxMessages);
  const events: ImportEvent[] = [];
  for await (const event of reader.events()) events.push(event);
  const format = events.find((event) => event.kind === "format");
  return {
    format: format?.kind === "format" ? format.format : undefined,
    items: events.flatMap((event) => (event.kind === "item" ? [event.item] : [])),
    bytes: reader.bytesRead,
  };
}

const readFixture = (name: string, maxMessages?: number) => readAll(createReadStream(join(FIXTURES, name), { highWaterMark: 512 }), maxMessages);
const readText = (text: string) => readAll(Readable.from([Buffer.from(text)]));

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function conversations(items: ImportItem[]) {
  return items.flatMap((item) => (item.ok ? [item.conversation] : []));
}

describe("ChatGPT conversations.json", () => {
  it("keeps the branch that ends at current_node, without system, tool, hidden, image-only or empty turns", async () => {
    const { format, items } = await readFixture("chatgpt-conversations.json");
    expect(format).toBe("chatgpt");
    const [branched, simple] = conversations(items);
    expect(branched!.title).toBe("Sourdough starter help");
    expect(branched!.sourceId).toBe("6620a1b2-0000-4000-8000-000000000001");
    expect(branched!.createdAt?.toISOString()).toBe(new Date(1714000000123).toISOString());
    expect(branched!.messages.map((m) => [m.sender, m.text])).toEqual([
      ["user", "My starter smells like nail polish. Is it dead?"],
      ["ai", "No: that smell means it is hungry. Feed it twice a day."],
      ["user", "What flour ratio do you recommend for rye?"],
      ["ai", "For rye, use a little more water: 1 part flour to 1.2 parts water."],
      ["user", "Here is a photo of it."],
    ]);
    expect(branched!.messages[0]!.at?.getTime()).toBe(1714000010000);
    expect(simple!.messages).toHaveLength(2);
  });

  it("reports a conversation that is not in ChatGPT's shape, and goes on with the rest", async () => {
    const { items } = await readFixture("chatgpt-conversations.json");
    expect(items).toHaveLength(3);
    expect(items[2]).toMatchObject({ ok: false, index: 2, title: "Broken one" });
    expect((items[2] as { reason: string }).reason).toMatch(/^Not a ChatGPT conversation \(mapping: /);
  });

  it("says a file cut off in the middle is truncated, after the whole conversations before the cut", async () => {
    const reader = new ImportReader(createReadStream(join(FIXTURES, "chatgpt-truncated.json")), 100);
    const seen: ImportEvent[] = [];
    const error = await refusal((async () => {
      for await (const event of reader.events()) seen.push(event);
    })());
    expect(error.code).toBe("unprocessable:import_truncated");
    expect(seen.filter((event) => event.kind === "item")).toHaveLength(1);
  });

  it("says a file with a syntax error in the middle is malformed", async () => {
    expect((await refusal(readFixture("malformed.json"))).code).toBe("unprocessable:import_malformed");
  });
});

describe("Claude conversations.json", () => {
  it("reads text blocks (not tool calls) and old-style text, and drops empty messages", async () => {
    const { format, items } = await readFixture("claude-conversations.json");
    expect(format).toBe("claude");
    const [hook, untitled] = conversations(items);
    expect(hook!.title).toBe("Refactoring a React hook");
    expect(hook!.sourceId).toBe("c1a1d2e3-0000-4000-8000-00000000000a");
    expect(hook!.messages.map((m) => [m.sender, m.text])).toEqual([
      ["user", "How do I stop my useEffect running twice?"],
      ["ai", "In development, React Strict Mode mounts twice on purpose.\n\nMake the effect idempotent, or clean up in its return."],
    ]);
    expect(hook!.updatedAt?.toISOString()).toBe("2025-02-10T09:05:00.000Z");
    expect(untitled!.title).toBe("Imported conversation");
    expect(untitled!.messages.map((m) => m.text)).toEqual(["Translate 'good morning' to Norwegian.", "God morgen."]);
    expect(items[2]).toMatchObject({ ok: false, index: 2, title: "No id" });
  });
});

describe("ChatCraft chatcraft-export v1", () => {
  it.each(["chatcraft-export.json", "chatcraft-export.ndjson"])("groups %s's messages under their conversations, notices left out", async (name) => {
    const { format, items } = await readFixture(name);
    expect(format).toBe("chatcraft");
    const byTitle = Object.fromEntries(conversations(items).map((c) => [c.title, c]));
    expect(Object.keys(byTitle).sort()).toEqual(["Chat with notice", "Empty chat", "Weekend in Bergen"]);
    expect(byTitle["Weekend in Bergen"]!.messages.map((m) => [m.sender, m.text])).toEqual([
      ["user", "Plan two days in Bergen."],
      ["ai", "Day 1: Bryggen and Fløyen. Day 2: a fjord cruise."],
    ]);
    expect(byTitle["Weekend in Bergen"]).toMatchObject({ roleId: "travel-planner", details: { travel_budget: "Moderate" }, sourceId: "65aa000000000000000000c1" });
    expect(byTitle["Chat with notice"]!.messages.map((m) => m.text)).toEqual(["Hello again"]);
    expect(byTitle["Empty chat"]!.messages).toEqual([]);
  });

  it("stops gathering a conversation's messages one past the limit", async () => {
    const { items } = await readFixture("chatcraft-export.json", 1);
    expect(conversations(items).find((c) => c.title === "Weekend in Bergen")!.messages).toHaveLength(2);
  });

  it("says NDJSON without its end record is truncated", async () => {
    expect((await refusal(readFixture("chatcraft-export-cut.ndjson"))).code).toBe("unprocessable:import_truncated");
  });

  it("refuses another version of the format", async () => {
    const error = await refusal(readFixture("chatcraft-v2.json"));
    expect(error.code).toBe("unprocessable:import_format");
    expect(error.message).toMatch(/version 2/);
  });
});

describe("files that are not what they claim", () => {
  it.each([
    ["not-conversations.json", /not of ChatGPT or Claude conversations/],
    ["package-like.json", /not an export we know/],
    ["zip-archive.json", /^This file is not/],
  ])("refuses %s as not an export", async (name, message) => {
    const error = await refusal(readFixture(name));
    expect(error.code).toBe("unprocessable:import_format");
    expect(error.message).toMatch(message);
  });

  it("refuses an empty file, a lone value and a second document after the first", async () => {
    expect((await refusal(readText("  \n"))).code).toBe("unprocessable:import_format");
    expect((await refusal(readText('"hello"'))).code).toBe("unprocessable:import_format");
    expect((await refusal(readText("[] []"))).code).toBe("unprocessable:import_malformed");
  });

  it("reads an empty list as no conversations, and counts every byte it read", async () => {
    const text = readFileSync(join(FIXTURES, "claude-conversations.json"));
    expect(await readText("[]")).toEqual({ format: undefined, items: [], bytes: 2 });
    expect((await readAll(Readable.from([text]))).bytes).toBe(text.length);
  });
});
