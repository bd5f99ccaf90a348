/**
 * Reads an export file of any supported format, one conversation at a time, deciding the format
 * from the contents (never the file name):
 * - a JSON array whose first element has `mapping` is ChatGPT's, with `chat_messages` Claude's;
 * - a JSON object that starts with `"format": "chatcraft-export"` is ChatCraft's JSON export, and
 *   one that starts with `"type"` (a header record) its NDJSON export.
 * Sections we do not import (roles, briefs, projects…) are passed over without being built.
 */
import "server-only";
import type { Readable } from "node:stream";
import type { Token } from "stream-json/parser.js";
import { EXPORT_FORMAT, EXPORT_VERSION } from "@/lib/shared/api/export";
import { AppError } from "@/lib/shared/errors";
import { ChatCraftGrouper } from "@/lib/server/services/import/chatcraft";
import { isChatGptConversation, readChatGptConversation } from "@/lib/server/services/import/chatgpt";
import { isClaudeConversation, readClaudeConversation } from "@/lib/server/services/import/claude";
import type { ImportEvent, ImportItem } from "@/lib/server/services/import/imported";
import { JsonTokens } from "@/lib/server/services/import/json-tokens";

const notAnExport = (detail?: string) =>
  new AppError("unprocessable:import_format", detail ? `${detail} Choose a ChatGPT or Claude conversations.json, or a ChatCraft export.` : undefined);

function checkChatCraftHeader(format: unknown, version: unknown): void {
  if (format !== EXPORT_FORMAT) throw notAnExport("This JSON file is not an export we know.");
  if (version !== EXPORT_VERSION) throw notAnExport(`This is a ChatCraft export of version ${String(version)}; this server reads version ${EXPORT_VERSION}.`);
}

export class ImportReader {
  private readonly tokens: JsonTokens;

  constructor(source: Readable, private readonly maxMessages: number) {
    this.tokens = new JsonTokens(source);
  }

  get bytesRead(): number {
    return this.tokens.bytesRead;
  }

  async *events(): AsyncGenerator<ImportEvent> {
    const first = await this.tokens.next();
    if (!first) throw notAnExport("The file is empty.");
    if (first.name === "startArray") yield* this.array();
    else if (first.name === "startObject") yield* this.object();
    else throw notAnExport("The file holds a single value, not conversations.");
    if (await this.tokens.next()) throw new AppError("unprocessable:import_malformed", "The file goes on after its conversations end: it is not one JSON document.");
  }

  /** ChatGPT or Claude: `[conversation, …]`, the format told by the first element. */
  private async *array(): AsyncGenerator<ImportEvent> {
    let read: ((raw: unknown, index: number) => ImportItem) | undefined;
    for (let index = 0, token = await this.tokens.expect(); token.name !== "endArray"; index += 1, token = await this.tokens.expect()) {
      const raw = await this.tokens.value(token);
      if (!read) {
        if (isChatGptConversation(raw)) read = readChatGptConversation;
        else if (isClaudeConversation(raw)) read = readClaudeConversation;
        else throw notAnExport("The file is a JSON list, but not of ChatGPT or Claude conversations.");
        yield { kind: "format", format: read === readChatGptConversation ? "chatgpt" : "claude" };
      }
      yield { kind: "item", item: read(raw, index) };
    }
  }

  /** ChatCraft, as one JSON object or as NDJSON records. */
  private async *object(): AsyncGenerator<ImportEvent> {
    const key = await this.tokens.expect();
    if (key.name === "keyValue" && key.value === "format") yield* this.chatcraftJson();
    else if (key.name === "keyValue" && key.value === "type") yield* this.chatcraftNdjson(key);
    else throw notAnExport("This JSON file is not an export we know.");
  }

  private async *chatcraftJson(): AsyncGenerator<ImportEvent> {
    const format = await this.tokens.value(await this.tokens.expect());
    let version: unknown;
    const grouper = new ChatCraftGrouper(this.maxMessages);
    let index = 0;
    for (let key = await this.tokens.expect(); key.name !== "endObject"; key = await this.tokens.expect()) {
      const start = await this.tokens.expect();
      const name = key.name === "keyValue" ? key.value : "";
      if (name === "version") {
        version = await this.tokens.value(start);
        checkChatCraftHeader(format, version);
        yield { kind: "format", format: "chatcraft" };
      } else if ((name === "conversations" || name === "messages") && start.name === "startArray") {
        if (version === undefined) checkChatCraftHeader(format, version);
        for (let token = await this.tokens.expect(); token.name !== "endArray"; token = await this.tokens.expect()) {
          const raw = await this.tokens.value(token);
          yield* items(name === "conversations" ? [grouper.addConversation(raw, index++)] : grouper.addMessage(raw));
        }
      } else {
        await this.tokens.skip(start);
      }
    }
    checkChatCraftHeader(format, version);
    yield* items(grouper.finish());
  }

  private async *chatcraftNdjson(typeKey: Token): AsyncGenerator<ImportEvent> {
    const header = (await this.tokens.value({ name: "startObject" }, typeKey)) as Record<string, unknown>;
    if (header.type !== "header") throw notAnExport("This JSON file is not an export we know.");
    checkChatCraftHeader(header.format, header.version);
    yield { kind: "format", format: "chatcraft" };
    const grouper = new ChatCraftGrouper(this.maxMessages);
    let index = 0;
    let ended = false;
    for (let token = await this.tokens.next(); token && !ended; token = ended ? null : await this.tokens.next()) {
      const record = (await this.tokens.value(token)) as { type?: unknown; data?: unknown } | null;
      ended = record?.type === "end";
      if (record?.type === "conversation") yield* items([grouper.addConversation(record.data, index++)]);
      else if (record?.type === "message") yield* items(grouper.addMessage(record.data));
    }
    // NDJSON can stop cleanly between two records: only the end record says the file is whole.
    if (!ended) throw new AppError("unprocessable:import_truncated");
    yield* items(grouper.finish());
  }
}

function* items(list: (ImportItem | null)[]): Generator<ImportEvent> {
  for (const item of list) if (item) yield { kind: "item", item };
}
