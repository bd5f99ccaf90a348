/**
 * `$changeStream` cursors. Each is a position in the one oplog plus its scope, options and the
 * stages after `$changeStream`; getMore reads forward from the position and, when nothing is
 * there yet, waits for the oplog's next append (or maxTimeMS) — so 200 idle streams cost 200
 * parked promises, not 200 polling loops.
 */
import { randomBytes } from "node:crypto";
import { calculateObjectSize, Long, type Timestamp } from "bson";
import { cloneValue, isPlainObject, type Doc } from "../doc-paths";
import { MongoError } from "../errors";
import { runPipeline, type ExecOptions } from "../mingo-context";
import type { CommandContext } from "../commands/context";
import { execOptions } from "../commands/context";
import {
  changeEvent,
  inScope,
  invalidateEvent,
  invalidates,
  parseToken,
  tokenFor,
  type BeforeChangeMode,
  type EventOptions,
  type FullDocumentMode,
  type StreamScope,
} from "./change-events";
import { positionOf, type Oplog } from "./oplog";

/** Stages mongod allows after `$changeStream`. */
const ALLOWED_STAGES = new Set(["$match", "$project", "$addFields", "$set", "$unset", "$replaceRoot", "$replaceWith", "$redact"]);
const SPEC_FIELDS = new Set(["resumeAfter", "startAfter", "startAtOperationTime", "fullDocument", "fullDocumentBeforeChange", "allChangesForCluster", "showExpandedEvents"]);
const FULL_DOCUMENT = new Set(["default", "updateLookup", "whenAvailable", "required"]);
const BEFORE_CHANGE = new Set(["off", "whenAvailable", "required"]);
/** mongod's wait for an awaitData getMore that names no maxTimeMS. */
const DEFAULT_AWAIT_MS = 1000;
const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 64 * 1024;

interface StreamCursor {
  ns: string;
  scope: StreamScope;
  position: bigint;
  events: EventOptions;
  stages: Doc[];
  exec: ExecOptions;
  lastUsed: number;
  /** Set once the invalidate event has been returned: the cursor then closes. */
  finished: boolean;
  interrupt?: () => void;
}

function streamScope(cmd: Doc, ctx: CommandContext, spec: Doc): { scope: StreamScope; ns: string } {
  const cluster = spec.allChangesForCluster === true;
  if (typeof cmd.aggregate === "string") {
    if (cluster) throw new MongoError(40, "A $changeStream with 'allChangesForCluster:true' may only be opened on the 'admin' database, and with no collection name");
    return { scope: { db: ctx.db, coll: cmd.aggregate }, ns: `${ctx.db}.${cmd.aggregate}` };
  }
  if (ctx.db === "admin") {
    if (!cluster) throw new MongoError(73, "$changeStream may not be opened on the internal admin database");
    return { scope: {}, ns: "admin.$cmd.aggregate" };
  }
  if (cluster) throw new MongoError(40, "A $changeStream with 'allChangesForCluster:true' may only be opened on the 'admin' database, and with no collection name");
  return { scope: { db: ctx.db }, ns: `${ctx.db}.$cmd.aggregate` };
}

function checkSpec(spec: Doc): void {
  for (const key of Object.keys(spec)) if (!SPEC_FIELDS.has(key)) throw new MongoError(40415, `BSON field '$changeStream.${key}' is an unknown field.`);
  if (spec.showExpandedEvents === true) throw new MongoError(115, "$changeStream with 'showExpandedEvents' is not supported by the embedded development server");
  const resumeOptions = ["resumeAfter", "startAfter", "startAtOperationTime"].filter((key) => spec[key] !== undefined);
  if (resumeOptions.length > 1) throw new MongoError(40674, "Only one type of resume option is allowed, but multiple were found.");
  if (spec.fullDocument !== undefined && !FULL_DOCUMENT.has(spec.fullDocument as string)) {
    throw new MongoError(2, `'${String(spec.fullDocument)}' is not a valid value for 'fullDocument'`);
  }
  if (spec.fullDocumentBeforeChange !== undefined && !BEFORE_CHANGE.has(spec.fullDocumentBeforeChange as string)) {
    throw new MongoError(2, `'${String(spec.fullDocumentBeforeChange)}' is not a valid value for 'fullDocumentBeforeChange'`);
  }
}

/** Where the stream starts reading: after the token, at the operation time, or now. */
function startPosition(spec: Doc, oplog: Oplog): bigint {
  let position: bigint;
  if (spec.resumeAfter !== undefined || spec.startAfter !== undefined) {
    const token = parseToken(spec.resumeAfter ?? spec.startAfter);
    if (token.invalidate && spec.resumeAfter !== undefined) {
      throw new MongoError(260, "Attempting to resume a change stream using 'resumeAfter' is not allowed from an invalidate notification.");
    }
    position = token.position;
  } else if (spec.startAtOperationTime !== undefined) {
    position = positionOf(spec.startAtOperationTime as Timestamp) - 1n;
  } else {
    return oplog.latest();
  }
  if (oplog.isLost(position)) throw new MongoError(286, "Resume of change stream was not possible, as the resume point may no longer be in the oplog.");
  return position;
}

export class ChangeStreams {
  private readonly cursors = new Map<bigint, StreamCursor>();
  private readonly reaper: NodeJS.Timeout;

  constructor(
    private readonly oplog: Oplog,
    private readonly idleTimeoutMs: number,
  ) {
    this.reaper = setInterval(() => this.reap(), Math.max(10, Math.min(60_000, Math.floor(idleTimeoutMs / 2))));
    this.reaper.unref();
  }

  private reap(): void {
    const cutoff = Date.now() - this.idleTimeoutMs;
    for (const [id, cursor] of this.cursors) if (cursor.lastUsed < cutoff && !cursor.interrupt) this.cursors.delete(id);
  }

  close(): void {
    clearInterval(this.reaper);
    for (const cursor of this.cursors.values()) cursor.interrupt?.();
    this.cursors.clear();
  }

  get size(): number {
    return this.cursors.size;
  }

  has(id: bigint): boolean {
    return this.cursors.has(id);
  }

  /** `aggregate` whose first stage is `$changeStream`: registers the cursor, answers its first batch. */
  open(cmd: Doc, ctx: CommandContext): Doc {
    const pipeline = cmd.pipeline as Doc[];
    const spec = pipeline[0]!.$changeStream;
    if (!isPlainObject(spec)) throw new MongoError(50808, "$changeStream stage expects a document as argument");
    checkSpec(spec);
    const stages = pipeline.slice(1);
    for (const stage of stages) {
      const name = Object.keys(stage)[0] ?? "";
      if (name === "$changeStream") throw new MongoError(40602, "$changeStream is only valid as the first stage in a pipeline");
      if (!ALLOWED_STAGES.has(name)) throw new MongoError(20, `${name} is not permitted in a $changeStream pipeline`);
    }
    const { scope, ns } = streamScope(cmd, ctx, spec);
    const cursor: StreamCursor = {
      ns,
      scope,
      position: startPosition(spec, this.oplog),
      events: {
        fullDocument: (spec.fullDocument as FullDocumentMode | undefined) ?? "default",
        fullDocumentBeforeChange: (spec.fullDocumentBeforeChange as BeforeChangeMode | undefined) ?? "off",
        store: ctx.store,
      },
      stages,
      exec: execOptions({ collation: cmd.collation, let: cmd.let, uses: [stages] }),
      lastUsed: Date.now(),
      finished: false,
    };
    const batchSize = (cmd.cursor as Doc | undefined)?.batchSize as number | undefined;
    const firstBatch = this.read(cursor, batchSize ?? 101);
    const id = cursor.finished ? 0n : this.newId();
    if (id !== 0n) this.cursors.set(id, cursor);
    return { cursor: { firstBatch, postBatchResumeToken: tokenFor(cursor.position), id: Long.fromBigInt(id), ns }, ok: 1 };
  }

  /** Reads, and when nothing has come yet waits for a write until maxTimeMS has passed. */
  async getMore(id: bigint, ns: string, batchSize: number | undefined, maxTimeMS: number | undefined): Promise<Doc> {
    const cursor = this.cursors.get(id);
    if (!cursor) throw new MongoError(43, `cursor id ${id} not found`);
    if (cursor.ns !== ns) throw new MongoError(13, `Requested getMore on namespace '${ns}', but cursor belongs to a different namespace ${cursor.ns}`);
    if (cursor.interrupt) throw new MongoError(292, `cursor id ${id} is already in use`);
    const deadline = Date.now() + (maxTimeMS ?? DEFAULT_AWAIT_MS);
    let batch: Doc[] = [];
    try {
      for (;;) {
        cursor.lastUsed = Date.now();
        batch = this.read(cursor, batchSize ?? 0);
        const remaining = deadline - Date.now();
        if (batch.length > 0 || cursor.finished || remaining <= 0 || !this.cursors.has(id)) break;
        await new Promise<void>((resolve) => {
          cursor.interrupt = resolve;
          void this.oplog.waitForAppend(remaining).then(resolve);
        });
        cursor.interrupt = undefined;
      }
    } catch (error) {
      this.cursors.delete(id);
      throw error;
    }
    cursor.lastUsed = Date.now();
    const open = this.cursors.has(id) && !cursor.finished;
    if (!open) this.cursors.delete(id);
    return { cursor: { nextBatch: batch, postBatchResumeToken: tokenFor(cursor.position), id: Long.fromBigInt(open ? id : 0n), ns }, ok: 1 };
  }

  kill(id: bigint): boolean {
    const cursor = this.cursors.get(id);
    if (!cursor) return false;
    this.cursors.delete(id);
    cursor.interrupt?.();
    return true;
  }

  /** Events after the cursor's position, through its stages, up to `count` (0 = no limit). */
  private read(cursor: StreamCursor, count: number): Doc[] {
    if (this.oplog.isLost(cursor.position)) {
      throw new MongoError(286, "Resume of change stream was not possible, as the resume point may no longer be in the oplog.");
    }
    const batch: Doc[] = [];
    let bytes = 0;
    for (const entry of this.oplog.after(cursor.position)) {
      if (cursor.finished || (count > 0 && batch.length >= count) || bytes > MAX_BATCH_BYTES) break;
      cursor.position = entry.pos;
      if (!inScope(entry, cursor.scope)) continue;
      const raw = [changeEvent(entry, cursor.events)];
      if (invalidates(entry, cursor.scope)) {
        raw.push(invalidateEvent(entry));
        cursor.finished = true;
      }
      for (const event of this.transform(raw, cursor)) {
        bytes += calculateObjectSize(event);
        batch.push(event);
      }
    }
    return batch;
  }

  private transform(events: Doc[], cursor: StreamCursor): Doc[] {
    if (cursor.stages.length === 0) return events;
    return events.flatMap((event) => {
      const token = event._id as { _data: string };
      const [out] = runPipeline([cloneValue(event)], cursor.stages, cursor.exec);
      if (!out) return [];
      if ((out._id as { _data?: unknown } | undefined)?._data !== token._data) {
        throw new MongoError(
          280,
          "Encountered an event whose _id field, which contains the resume token, was modified by the pipeline. Modifying the field makes it impossible to resume the stream from that point. Only transformations that retain the unmodified _id field are allowed.",
        );
      }
      return [out];
    });
  }

  private newId(): bigint {
    for (;;) {
      const id = randomBytes(8).readBigInt64LE() & 0x7fffffffffffffffn;
      if (id !== 0n && !this.cursors.has(id)) return id;
    }
  }
}
