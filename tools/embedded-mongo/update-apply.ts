/**
 * Applies one update (operators, replacement or pipeline) to a COPY of a document, with mongod's
 * checks mingo lacks: $setOnInsert, numeric $inc/$mul, immutable _id, and the path rules of
 * update-paths.ts (conflicts, positional `$` from positional-match.ts, order). mingo only applies
 * one operator to one resolved path at a time.
 */
import { ObjectId } from "bson";
import { update as mingoUpdate } from "mingo/updater";
import { typeRank, valuesEqual } from "./bson-order";
import { cloneValue, getPath, isPlainObject, setPath, type Doc } from "./doc-paths";
import { MongoError } from "./errors";
import { formatValue } from "./format";
import { mingoOptions, runPipeline, type ExecOptions } from "./mingo-context";
import { positionalMatch } from "./positional-match";
import { checkArrayUpdateTarget, checkPathConflicts, hasPositional, inApplyOrder, resolvePositional, type PathUpdate } from "./update-paths";

const OPERATORS = new Set(["$set", "$unset", "$inc", "$mul", "$min", "$max", "$rename", "$push", "$pull", "$pullAll", "$addToSet", "$pop", "$currentDate", "$bit", "$setOnInsert"]);
const PIPELINE_STAGES = new Set(["$addFields", "$set", "$project", "$unset", "$replaceRoot", "$replaceWith"]);

const TYPE_NAMES: Record<number, string> = { 2: "null", 4: "string", 5: "object", 6: "array", 7: "binData", 8: "objectId", 9: "bool", 10: "date", 11: "timestamp", 12: "regex" };

export function isOperatorUpdate(update: Doc): boolean {
  const keys = Object.keys(update);
  return keys.length > 0 && keys[0]!.startsWith("$");
}

function checkOperators(update: Doc): void {
  const entries: PathUpdate[] = [];
  for (const [op, args] of Object.entries(update)) {
    if (!OPERATORS.has(op)) {
      throw new MongoError(9, `Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`);
    }
    if (!isPlainObject(args)) throw new MongoError(9, `Modifiers operate on fields but we found type ${typeof args} instead. For example: {$mod: {<field>: ...}} not {$set: ${formatValue(args)}}`);
    for (const path of Object.keys(args)) {
      entries.push({ op, path, arg: args[path] });
      if ((op === "$inc" || op === "$mul") && typeRank(args[path]) !== 3) {
        throw new MongoError(14, `Cannot ${op === "$inc" ? "increment" : "multiply"} with non-numeric argument: {${path}: ${formatValue(args[path])}}`);
      }
    }
  }
  checkPathConflicts(entries);
}

/** The update's (operator, path, argument) entries with `$` replaced by the recorded position. */
function resolvedEntries(operators: Doc, position: () => string | undefined): PathUpdate[] {
  const entries: PathUpdate[] = [];
  for (const [op, args] of Object.entries(operators)) {
    for (const [path, arg] of Object.entries(args as Doc)) {
      entries.push({ op, path: hasPositional(path) ? resolvePositional(path, position()) : path, arg });
    }
  }
  return entries;
}

function asOperators(entries: PathUpdate[]): Doc {
  const out: Record<string, Doc> = {};
  for (const { op, path, arg } of entries) (out[op] ??= {})[path] = arg;
  return out;
}

function checkNumericTargets(doc: Doc, update: Doc): void {
  for (const op of ["$inc", "$mul"]) {
    const args = update[op] as Doc | undefined;
    if (!args) continue;
    for (const path of Object.keys(args)) {
      if (path.includes("$")) continue;
      const current = getPath(doc, path);
      if (current !== undefined && current !== null && typeRank(current) !== 3) {
        throw new MongoError(14, `Cannot apply ${op} to a value of non-numeric type. {_id: ${formatValue(doc._id)}} has the field '${path.split(".").pop()}' of non-numeric type ${TYPE_NAMES[typeRank(current)] ?? "object"}`);
      }
      if (current === null && op === "$inc") {
        throw new MongoError(14, `Cannot apply $inc to a value of non-numeric type. {_id: ${formatValue(doc._id)}} has the field '${path.split(".").pop()}' of non-numeric type null`);
      }
    }
  }
}

function runUpdatePipeline(doc: Doc, pipeline: Doc[], exec: ExecOptions | undefined): Doc {
  for (const stage of pipeline) {
    const name = Object.keys(stage)[0] ?? "";
    if (!PIPELINE_STAGES.has(name)) throw new MongoError(72, `${name} is not allowed to be used within an update`);
  }
  const [out] = runPipeline([doc], pipeline, exec);
  return out ?? {};
}

function assertSameId(before: Doc, after: Doc, replacement: boolean): void {
  if (before._id === undefined) return;
  if (after._id === undefined || !valuesEqual(before._id, after._id)) {
    if (replacement) {
      throw new MongoError(66, `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${formatValue(after._id)}`);
    }
    throw new MongoError(66, "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
}

/**
 * The next version of `doc` (never mutates `doc`). `inserting` enables $setOnInsert; `exec`
 * carries the command's collation and `let` variables (pipeline updates can read `$$name`).
 */
export function applyUpdate(doc: Doc, update: Doc | Doc[], arrayFilters: Doc[] | undefined, inserting: boolean, filter?: Doc, exec?: ExecOptions): Doc {
  if (Array.isArray(update)) {
    const next = runUpdatePipeline(cloneValue(doc), update, exec);
    // A pipeline whose result has no _id keeps the original one (mongod restores it).
    if (next._id !== undefined) assertSameId(doc, next, false);
    return withIdFirst(next, doc._id);
  }
  if (!isOperatorUpdate(update)) {
    for (const key of Object.keys(update)) {
      if (key.startsWith("$")) throw new MongoError(52, `The dollar ($) prefixed field '${key}' in '${key}' is not allowed in the context of an update's replacement document.`);
    }
    const next = cloneValue(update);
    if (next._id !== undefined) assertSameId(doc, next, true);
    return withIdFirst(next, doc._id);
  }
  checkOperators(update);
  const { $setOnInsert, ...operators } = update;
  if (inserting && isPlainObject($setOnInsert)) {
    operators.$set = { ...((operators.$set as Doc | undefined) ?? {}), ...$setOnInsert };
  }
  const next = cloneValue(doc);
  const $set = operators.$set;
  if (inserting && doc._id === undefined && isPlainObject($set) && "_id" in $set) {
    // An upsert may choose the new document's _id with $set (mingo refuses any $set of _id).
    const { _id, ...others } = $set;
    next._id = cloneValue(_id);
    if (Object.keys(others).length) operators.$set = others;
    else delete operators.$set;
  }
  // The position is what the query recorded on the stored document; an upsert has none (mongod
  // answers code 2 then too, and inserts nothing).
  let position: string | undefined | null = null;
  const recordedPosition = () => (position === null ? (position = inserting ? undefined : positionalMatch(filter, doc, exec)) : position);
  const entries = resolvedEntries(operators, recordedPosition);
  checkNumericTargets(next, asOperators(entries));
  for (const { op, path, arg } of inApplyOrder(entries)) {
    checkArrayUpdateTarget(next, path);
    try {
      // One path per mingo call: mongod's conflict rule was checked above, and mingo's own check
      // (which stops at the first positional element) would refuse `a.$[].x` with `a.$[].y`.
      mingoUpdate(next, { [op]: { [path]: arg } }, arrayFilters, undefined, { cloneMode: "deep", queryOptions: mingoOptions(exec) });
    } catch (error) {
      throw translateMingoError(error);
    }
  }
  assertSameId(doc, next, false);
  return next;
}

function translateMingoError(error: unknown): MongoError {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes("immutable field '_id'")) return new MongoError(66, "Performing an update on the path '_id' would modify the immutable field '_id'");
  return new MongoError(2, message);
}

function withIdFirst(doc: Doc, id: unknown): Doc {
  const { _id, ...rest } = doc;
  const chosen = id !== undefined ? id : _id;
  return chosen === undefined ? rest : { _id: chosen, ...rest };
}

/** The seed of an upserted document: the equality conditions of the filter. */
export function upsertSeed(filter: Doc): Doc {
  const seed: Doc = {};
  const visit = (part: Doc) => {
    for (const [field, value] of Object.entries(part)) {
      if (field === "$and" && Array.isArray(value)) value.forEach((p) => isPlainObject(p) && visit(p));
      if (field.startsWith("$")) continue;
      if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith("$"))) {
        if ("$eq" in value) setPath(seed, field, cloneValue(value.$eq));
        continue;
      }
      setPath(seed, field, cloneValue(value));
    }
  };
  visit(filter);
  return seed;
}

/** Builds the document an upsert inserts. */
export function buildUpsert(filter: Doc, update: Doc | Doc[], arrayFilters: Doc[] | undefined, exec?: ExecOptions): Doc {
  if (!Array.isArray(update) && !isOperatorUpdate(update)) {
    const seedId = upsertSeed(filter)._id;
    const next = cloneValue(update);
    const id = next._id !== undefined ? next._id : seedId !== undefined ? seedId : new ObjectId();
    return withIdFirst(next, id);
  }
  const seed = upsertSeed(filter);
  const next = applyUpdate(seed, update, arrayFilters, true, undefined, exec);
  return withIdFirst(next, next._id === undefined ? new ObjectId() : next._id);
}
