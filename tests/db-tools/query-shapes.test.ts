/**
 * The hot query db:check explains is the query the model function sends: each case calls a model
 * function with its hot query's sample values, catches the command the driver actually sent
 * (command monitoring, `commandStarted`), and compares it field by field with the explained
 * command (explainCommand of the hot query the model lists).
 */
import { EJSON, type Document } from "bson";
import type { CommandStartedEvent } from "mongodb";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getMongoClient } from "@/lib/server/infra/db/client";
import { explainCommand } from "@/lib/server/infra/db/query-check";
import { SAMPLE_DATE, SAMPLE_OWNER, sampleId } from "@/lib/server/infra/db/query-shape";
import { allHotQueries } from "@/models";
import { listConversationsPage } from "@/models/conversations";
import { listMessagesPage, listRecentMessages } from "@/models/messages";
import { neighbourOrder } from "@/models/tasks";
import { useAppDatabase } from "../helpers/app-db";

useAppDatabase();

const sent: CommandStartedEvent[] = [];
const record = (event: CommandStartedEvent) => sent.push(event);

beforeAll(async () => {
  (await getMongoClient()).on("commandStarted", record);
});
afterEach(() => {
  sent.length = 0;
});

/** Canonical extended JSON: an ObjectId, a Date and a number compare by BSON type and value. */
const canonical = (value: unknown) => EJSON.serialize(value, { relaxed: false });

/** The fields of the explained command, as the driver sent them for `commandName`. */
function sentFields(commandName: string, expected: Document): Document {
  const command = sent.find((event) => event.commandName === commandName)?.command;
  expect(command, `no ${commandName} command was sent`).toBeDefined();
  return Object.fromEntries(Object.keys(expected).map((key) => [key, command![key]]));
}

async function expectSentAsChecked(hotQueryName: string, run: () => Promise<unknown>) {
  const hot = allHotQueries.find((query) => query.name === hotQueryName);
  expect(hot, hotQueryName).toBeDefined();
  const expected = explainCommand(hot!);
  await run();
  expect(canonical(sentFields(Object.keys(expected)[0]!, expected))).toEqual(canonical(expected));
}

const conversationId = sampleId(2);

describe("a model function sends exactly the hot query db:check explains", () => {
  it("the message pager, newest page and an older page", async () => {
    await expectSentAsChecked("messages.newestPage", () => listMessagesPage(SAMPLE_OWNER, conversationId, { before: null }, 50));
    sent.length = 0;
    await expectSentAsChecked("messages.firstPage", () => listMessagesPage(SAMPLE_OWNER, conversationId, { after: null }, 50));
  });

  it("the API's message pages, both orders, and the recent window", async () => {
    await expectSentAsChecked("messages.pageAsc", () => listMessagesPage(SAMPLE_OWNER, conversationId, { after: SAMPLE_DATE }, 100));
    sent.length = 0;
    await expectSentAsChecked("messages.pageDesc", () => listMessagesPage(SAMPLE_OWNER, conversationId, { before: SAMPLE_DATE }, 100));
    sent.length = 0;
    await expectSentAsChecked("messages.recent", () => listRecentMessages(SAMPLE_OWNER, conversationId, 50));
  });

  it("the sidebar's next page and a board neighbour", async () => {
    const cursor = { lastMessageAt: SAMPLE_DATE, id: conversationId };
    await expectSentAsChecked("conversations.nextPage", () => listConversationsPage(SAMPLE_OWNER, { cursor, limit: 30 }));
    sent.length = 0;
    await expectSentAsChecked("tasks.neighbourAfter", () => neighbourOrder(SAMPLE_OWNER, sampleId(4), "todo", "a0", "after", sampleId(5)));
  });

  it("notices a drifted shape: a different page size is not the checked query", async () => {
    const hot = allHotQueries.find((query) => query.name === "messages.pageDesc")!;
    const expected = explainCommand(hot);
    await listMessagesPage(SAMPLE_OWNER, conversationId, { before: SAMPLE_DATE }, 10);
    expect(canonical(sentFields("find", expected))).not.toEqual(canonical(expected));
  });
});
