/**
 * Feeds the driver's monitoring events into lib/metrics: command round trips (command
 * monitoring, which needs `monitorCommands: true` on the client) and pool checkouts (CMAP
 * events, always emitted). Only the command and collection names are kept — never a filter or
 * a document, which could hold users' data.
 */
import "server-only";
import type { CommandStartedEvent, MongoClient } from "mongodb";
import { metrics } from "@/lib/server/infra/metrics";

/** Commands whose first field names the collection they act on. */
const COLLECTION_COMMANDS = new Set([
  "find", "insert", "update", "delete", "aggregate", "count", "distinct", "findAndModify",
  "createIndexes", "listIndexes", "dropIndexes", "collMod", "create", "drop", "explain",
]);

function collectionOf(event: CommandStartedEvent): string {
  const command = event.command as Record<string, unknown>;
  const named = event.commandName === "getMore" ? command.collection : COLLECTION_COMMANDS.has(event.commandName) ? command[event.commandName] : undefined;
  return typeof named === "string" && named.length <= 64 ? named : "";
}

export function instrumentMongoClient(client: MongoClient): void {
  const m = metrics();
  // Started and finished events share a requestId; the collection is only on the started one.
  const pending = new Map<number, string>();
  const finish = (requestId: number, commandName: string, durationMs: number, outcome: "ok" | "error") => {
    const collection = pending.get(requestId) ?? "";
    pending.delete(requestId);
    m.mongoCommandDuration.observe({ command: commandName, collection, outcome }, durationMs / 1000);
  };
  client.on("commandStarted", (event) => pending.set(event.requestId, collectionOf(event)));
  client.on("commandSucceeded", (event) => finish(event.requestId, event.commandName, event.duration, "ok"));
  client.on("commandFailed", (event) => finish(event.requestId, event.commandName, event.duration, "error"));
  client.on("connectionCheckedOut", () => m.mongoPoolCheckouts.inc({ outcome: "ok" }));
  client.on("connectionCheckOutFailed", (event) => m.mongoPoolCheckouts.inc({ outcome: String(event.reason) }));
}
