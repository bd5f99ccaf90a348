/**
 * All-or-nothing writes: `inTransaction(body)` runs `body` in a multi-document transaction
 * (the driver's `withTransaction`, which retries a TransientTransactionError and an unknown commit
 * result). The session travels by AsyncLocalStorage and the query-shape runners
 * (query-shape.ts) pass it to every command, so the models' functions join the transaction
 * unchanged. `body` may run more than once: it must only write through the database.
 */
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { ClientSession } from "mongodb";
import { getMongoClient } from "@/lib/server/infra/db/client";

const current = new AsyncLocalStorage<ClientSession>();

/** The open transaction's session, for the runners; undefined outside one. */
export function transactionSession(): { session?: ClientSession } {
  const session = current.getStore();
  return session ? { session } : {};
}

export async function inTransaction<T>(body: () => Promise<T>): Promise<T> {
  // Already inside one: join it (a transaction cannot nest).
  if (current.getStore()) return body();
  const client = await getMongoClient();
  return client.withSession((session) => session.withTransaction(() => current.run(session, body)));
}
