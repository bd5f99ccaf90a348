/**
 * Turns oplog entries into change events in mongod 7.0's shape, and resume tokens to positions.
 *
 * A resume token is `{_data: "82" + <position as 20 hex digits> + <kind>}`: like mongod's, an
 * opaque hex string that sorts in oplog order; kind 00 is an event, 01 the invalidate that
 * follows a drop at the same position.
 */
import { encodeValue } from "../bson-order";
import type { Doc } from "../doc-paths";
import { MongoError } from "../errors";
import type { Store } from "../store";
import type { OplogEntry } from "./oplog";
import { describeUpdate } from "./update-description";

export interface ResumeToken extends Doc {
  _data: string;
}

export interface TokenPosition {
  position: bigint;
  invalidate: boolean;
}

export type FullDocumentMode = "default" | "updateLookup" | "whenAvailable" | "required";
export type BeforeChangeMode = "off" | "whenAvailable" | "required";

export function tokenFor(position: bigint, invalidate = false): ResumeToken {
  return { _data: `82${position.toString(16).padStart(20, "0")}${invalidate ? "01" : "00"}` };
}

export function parseToken(token: unknown): TokenPosition {
  const data = (token as { _data?: unknown } | null)?._data;
  const match = typeof data === "string" ? /^82([0-9a-f]{20})(0[01])$/i.exec(data) : null;
  if (!match) throw new MongoError(260, `Invalid resume token: ${JSON.stringify(token)} was not issued by this server`);
  return { position: BigInt(`0x${match[1]}`), invalidate: match[2] === "01" };
}

/** The streams a change belongs to: a collection's, its database's, the deployment's. */
export interface StreamScope {
  db?: string;
  coll?: string;
}

const INTERNAL_DATABASES = new Set(["admin", "config", "local"]);

export function inScope(entry: OplogEntry, scope: StreamScope): boolean {
  if (scope.db === undefined) {
    if (INTERNAL_DATABASES.has(entry.db)) return false;
  } else if (entry.db !== scope.db) return false;
  if (entry.coll?.startsWith("system.")) return false;
  if (scope.coll === undefined) return true;
  return entry.op === "dropDatabase" || entry.coll === scope.coll;
}

/** A collection stream ends at its collection's drop; a database stream at its database's. */
export function invalidates(entry: OplogEntry, scope: StreamScope): boolean {
  if (scope.db === undefined) return false;
  if (scope.coll !== undefined) return entry.op === "drop" && entry.coll === scope.coll;
  return entry.op === "dropDatabase";
}

export interface EventOptions {
  fullDocument: FullDocumentMode;
  fullDocumentBeforeChange: BeforeChangeMode;
  store: Store;
}

function image(entry: OplogEntry, doc: Doc | undefined, mode: "whenAvailable" | "required", what: string): Doc | null {
  if (entry.images && doc) return doc;
  if (mode === "whenAvailable") return null;
  throw new MongoError(
    47,
    `Change stream was configured to require a ${what} for all update, delete and replace events, but the ${what} was not found for event: ${tokenFor(entry.pos)._data}`,
  );
}

function postImage(entry: OplogEntry, options: EventOptions): Doc | null | undefined {
  if (entry.op === "insert" || entry.op === "replace") return entry.after;
  if (entry.op !== "update" || options.fullDocument === "default") return undefined;
  if (options.fullDocument === "updateLookup") {
    return options.store.collection(entry.db, entry.coll!)?.docs.get(encodeValue(entry.id)) ?? null;
  }
  return image(entry, entry.after, options.fullDocument, "post-image");
}

function preImage(entry: OplogEntry, options: EventOptions): Doc | null | undefined {
  if (options.fullDocumentBeforeChange === "off" || !["update", "replace", "delete"].includes(entry.op)) return undefined;
  return image(entry, entry.before, options.fullDocumentBeforeChange, "pre-image");
}

export function changeEvent(entry: OplogEntry, options: EventOptions): Doc {
  const event: Doc = { _id: tokenFor(entry.pos), operationType: entry.op, clusterTime: entry.ts, wallTime: entry.wall };
  const fullDocument = postImage(entry, options);
  if (fullDocument !== undefined) event.fullDocument = fullDocument;
  event.ns = entry.coll === undefined ? { db: entry.db } : { db: entry.db, coll: entry.coll };
  if (entry.id !== undefined) event.documentKey = { _id: entry.id };
  if (entry.op === "update") event.updateDescription = describeUpdate(entry.before!, entry.after!, entry.paths);
  const before = preImage(entry, options);
  if (before !== undefined) event.fullDocumentBeforeChange = before;
  if (entry.txn) Object.assign(event, entry.txn);
  return event;
}

export function invalidateEvent(entry: OplogEntry): Doc {
  return { _id: tokenFor(entry.pos, true), operationType: "invalidate", clusterTime: entry.ts, wallTime: entry.wall };
}
