/**
 * ChatCraft needs a replica set (or a sharded cluster): change streams carry every live update
 * and Stop across tabs and instances, and multi-document transactions keep related writes
 * all-or-nothing. Atlas always is one, and so is the embedded server (as rs0); a standalone
 * `mongod` is refused at start-up with how to make it a single-node replica set.
 */
import "server-only";
import type { Db, Document } from "mongodb";

export const STANDALONE_MESSAGE = [
  "MongoDB is running as a standalone server, but ChatCraft needs a replica set (for change streams and transactions).",
  "Run a single-node replica set: start mongod with --replSet rs0, then once in mongosh run rs.initiate().",
  "Atlas clusters need nothing. See docs/setup.md.",
].join(" ");

/** Null when the server can stream changes and run transactions; otherwise why not. */
export function replicaSetProblem(hello: Document): string | null {
  if (typeof hello.setName === "string" && hello.setName) return null;
  if (hello.msg === "isdbgrid") return null;
  return STANDALONE_MESSAGE;
}

export async function requireReplicaSet(db: Db): Promise<void> {
  const problem = replicaSetProblem(await db.admin().command({ hello: 1 }));
  if (problem) throw new Error(problem);
}
