/** update and findAndModify: matched vs modified, upserts, _id immutability, write errors. */
import { encodeValue } from "../bson-order";
import type { Collection } from "../collection";
import { isPlainObject, type Doc } from "../doc-paths";
import { MongoError } from "../errors";
import { projector } from "../projection";
import { findDocuments } from "../query";
import { applyUpdate, buildUpsert } from "../update-apply";
import { replaceHow } from "../replication/update-description";
import type { ExecOptions } from "../mingo-context";
import { collectionName, execOptions, refuseUnknownField, type CommandContext, type CommandHandler } from "./context";
import { writeError } from "./crud";

export interface UpdateStatement {
  q?: Doc;
  u: Doc | Doc[];
  upsert?: boolean;
  multi?: boolean;
  arrayFilters?: Doc[];
  collation?: Doc;
  hint?: unknown;
  /** Constants for a pipeline update (`$$name`), added to the command's `let`. */
  c?: Doc;
  /** MongoDB 8.0 only: refused, as this server presents itself as 7.0. */
  sort?: Doc;
}

export interface StatementResult {
  matched: number;
  modified: number;
  upsertedId?: unknown;
}

function checkUpdateShape(statement: UpdateStatement): void {
  if (!Array.isArray(statement.u) && !isPlainObject(statement.u)) throw new MongoError(9, "Update argument must be either an object or an array");
  if (statement.multi && !Array.isArray(statement.u) && Object.keys(statement.u).length > 0 && !Object.keys(statement.u)[0]!.startsWith("$")) {
    throw new MongoError(9, "multi update is not supported for replacement-style update");
  }
}

/** Runs one update statement; throws on the first failing document (earlier ones stay changed). */
export function runUpdateStatement(ctx: CommandContext, collName: string, statement: UpdateStatement, bypass: boolean, letVars?: unknown): StatementResult {
  refuseUnknownField(statement.sort, "update.updates.sort");
  checkUpdateShape(statement);
  const filter = statement.q ?? {};
  const exec = execOptions({ collation: statement.collation, let: letVars, constants: statement.c, uses: [filter], update: statement.u });
  const existing = ctx.store.collection(ctx.db, collName);
  const targets = findDocuments(existing, { filter, limit: statement.multi ? 0 : 1, exec, hint: statement.hint });
  if (targets.length === 0) {
    if (!statement.upsert) return { matched: 0, modified: 0 };
    const doc = buildUpsert(filter, statement.u, statement.arrayFilters, exec);
    ctx.store.ensureCollection(ctx.db, collName).insert(doc, bypass);
    return { matched: 0, modified: 0, upsertedId: doc._id };
  }
  const coll = existing as Collection;
  let modified = 0;
  for (const doc of targets) {
    const next = applyUpdate(doc, statement.u, statement.arrayFilters, false, filter, exec);
    if (encodeValue(next) === encodeValue(doc)) continue;
    coll.replace(doc, next, bypass, replaceHow(statement.u));
    modified += 1;
  }
  return { matched: targets.length, modified };
}

const update: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, "update");
  const ordered = cmd.ordered !== false;
  const statements = (cmd.updates ?? []) as UpdateStatement[];
  const writeErrors: Doc[] = [];
  const upserted: Doc[] = [];
  let n = 0;
  let nModified = 0;
  for (let i = 0; i < statements.length; i += 1) {
    try {
      const result = runUpdateStatement(ctx, name, statements[i]!, cmd.bypassDocumentValidation === true, cmd.let);
      n += result.matched;
      nModified += result.modified;
      if (result.upsertedId !== undefined) {
        n += 1;
        upserted.push({ index: i, _id: result.upsertedId });
      }
    } catch (error) {
      writeErrors.push(writeError(i, error));
      if (ordered) break;
    }
  }
  const reply: Doc = { n, nModified };
  if (upserted.length) reply.upserted = upserted;
  if (writeErrors.length) reply.writeErrors = writeErrors;
  reply.ok = 1;
  return reply;
};

const findAndModify: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, "findAndModify");
  const filter = (cmd.query ?? {}) as Doc;
  const exec: ExecOptions = execOptions({ collation: cmd.collation, let: cmd.let, uses: [filter, cmd.fields], update: cmd.update });
  const project = projector(cmd.fields as Doc | undefined, filter, exec);
  const shape = (doc: Doc | null) => (doc && project ? project(doc) : doc);
  const existing = ctx.store.collection(ctx.db, name);
  const [target] = findDocuments(existing, { filter, sort: cmd.sort as Doc | undefined, limit: 1, exec, hint: cmd.hint });
  if (cmd.remove === true) {
    if (cmd.update !== undefined) throw new MongoError(9, "Cannot specify both an update and remove=true");
    if (!target) return { lastErrorObject: { n: 0 }, value: null, ok: 1 };
    existing!.remove(target);
    return { lastErrorObject: { n: 1 }, value: shape(target), ok: 1 };
  }
  if (cmd.update === undefined) throw new MongoError(9, "Either an update or remove=true must be specified");
  const u = cmd.update as Doc | Doc[];
  const arrayFilters = cmd.arrayFilters as Doc[] | undefined;
  const bypass = cmd.bypassDocumentValidation === true;
  if (!target) {
    if (cmd.upsert !== true) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
    const doc = buildUpsert(filter, u, arrayFilters, exec);
    ctx.store.ensureCollection(ctx.db, name).insert(doc, bypass);
    return { lastErrorObject: { n: 1, updatedExisting: false, upserted: doc._id }, value: cmd.new === true ? shape(doc) : null, ok: 1 };
  }
  if (!Array.isArray(u) && !isPlainObject(u)) throw new MongoError(9, "Update argument must be either an object or an array");
  const next = applyUpdate(target, u, arrayFilters, false, filter, exec);
  if (encodeValue(next) !== encodeValue(target)) existing!.replace(target, next, bypass, replaceHow(u));
  return { lastErrorObject: { n: 1, updatedExisting: true }, value: shape(cmd.new === true ? next : target), ok: 1 };
};

export const updateCommands: Record<string, CommandHandler> = {
  update,
  findAndModify,
  findandmodify: findAndModify,
};
