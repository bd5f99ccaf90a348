/**
 * The one place mingo is configured. Every query, aggregation and update runs with a context made
 * of mingo's operators plus mongod's semantics where mingo differs: `$type` by BSON type name,
 * `$in`/`$nin` by canonical key in linear time (in-membership.ts), `$project` output in the
 * document's order, and — under a collation — comparison operators,
 * `$in` and `$sort` that compare strings with the collation. `let` variables are evaluated once,
 * as mongod does, and handed to mingo as global `$$` variables.
 */
import { Aggregator } from "mingo/aggregator";
import { Context, evalExpr } from "mingo/core";
import { Lazy, type Iterator } from "mingo/lazy";
import * as accumulatorOps from "mingo/operators/accumulator";
import * as expressionOps from "mingo/operators/expression";
import * as pipelineOps from "mingo/operators/pipeline";
import * as projectionOps from "mingo/operators/projection";
import * as queryOps from "mingo/operators/query";
import * as windowOps from "mingo/operators/window";
import { Query } from "mingo/query";
import type { Options } from "mingo/types";
import { flatten, resolve } from "mingo/util";
import { typeRank } from "./bson-order";
import type { Collation } from "./collation";
import { isPlainObject, type Doc } from "./doc-paths";
import { MongoError } from "./errors";
import { sortDocuments, sortFields } from "./sort";
import { bsonTypeName, matchesType, typeNamesFor } from "./type-names";
import { checkInList, equalityCandidates, membership } from "./in-membership";

/** What a command adds to how its filter, update or pipeline is evaluated. */
export interface ExecOptions {
  collation?: Collation;
  /** Evaluated `let` variables (see evaluateLet). */
  variables?: Doc;
}

type Predicate = (doc: unknown) => boolean;
type QueryOp = (selector: string, value: unknown, options: Options) => Predicate;
type ExprOp = (obj: unknown, expr: unknown, options: Options) => unknown;
type PipelineOp = (coll: Iterator, expr: unknown, options: Options) => Iterator;

const resolveField = (doc: unknown, selector: string): unknown => resolve(doc as Doc, selector, { unwrapArray: true });

const $type: QueryOp = (selector, value) => {
  const names = new Set((Array.isArray(value) ? value : [value]).flatMap(typeNamesFor));
  return (doc) => matchesType(resolveField(doc, selector), names);
};

/** `$in`/`$nin` by canonical key (see in-membership.ts): the list is hashed once per query, not per document. */
const hashedIn = (negate: boolean): QueryOp => (selector, value) => {
  const test = membership(checkInList(negate ? "$nin" : "$in", value));
  return (doc) => equalityCandidates(doc, selector).some(test) !== negate;
};

const typeExpression: ExprOp = (obj, expr, options) => bsonTypeName(evalExpr(obj, expr, options)) ?? "missing";

const IN_PLACE_OPERATORS = new Set(["$slice", "$elemMatch"]);

function isProjectionOperator(value: unknown): boolean {
  return isPlainObject(value) && Object.keys(value).length === 1 && IN_PLACE_OPERATORS.has(Object.keys(value)[0]!);
}

/** True for a field the projection keeps where it is (1/true, a nested inclusion, `$slice`, `$elemMatch`). */
function isInclusion(value: unknown): boolean {
  if (value === true || (typeof value === "number" && value !== 0)) return true;
  if (isProjectionOperator(value)) return true;
  return isPlainObject(value) && Object.keys(value).length > 0 && Object.values(value).every(isInclusion);
}

const isExclusion = (value: unknown): boolean => value === 0 || value === false;

/**
 * mongod's inclusion-projection output order: `_id`, then the included fields in the document's
 * order, then computed fields in the projection's order. Exclusion projections keep the document's order.
 */
export function inDocumentOrder(input: Doc, output: Doc, spec: Doc): Doc {
  const keys = Object.keys(spec).filter((key) => key !== "_id");
  if (!keys.some((key) => !isExclusion(spec[key]) && !isProjectionOperator(spec[key]))) return output;
  const included = new Set(keys.filter((key) => isInclusion(spec[key])).map((key) => key.split(".")[0]!));
  const ordered: Doc = {};
  if ("_id" in output) ordered._id = output._id;
  for (const key of Object.keys(input)) if (included.has(key) && key in output) ordered[key] = output[key];
  for (const key of keys.map((k) => k.split(".")[0]!)) if (key in output && !(key in ordered)) ordered[key] = output[key];
  for (const key of Object.keys(output)) if (!(key in ordered)) ordered[key] = output[key];
  return ordered;
}

const $project: PipelineOp = (coll, expr, options) => {
  if (!isPlainObject(expr)) return pipelineOps.$project(coll, expr as Doc, options);
  // mingo's $project maps one input to one output, pulled one at a time: the input last pulled
  // is the one the current output was made from.
  let input: unknown;
  const tapped = coll.map((doc) => (input = doc));
  return pipelineOps.$project(tapped, expr, options).map((out: unknown) =>
    isPlainObject(input) && isPlainObject(out) ? inDocumentOrder(input, out, expr) : out,
  );
};

const BASE_OPS = {
  accumulator: { ...accumulatorOps },
  expression: { ...expressionOps, $type: typeExpression },
  pipeline: { ...pipelineOps, $project },
  projection: { ...projectionOps },
  query: { ...queryOps, $type, $in: hashedIn(false), $nin: hashedIn(true) },
  window: { ...windowOps },
} as Parameters<typeof Context.init>[0] & object;

const BASE = Context.init(BASE_OPS);

function collatedOps(collation: Collation): typeof BASE_OPS {
  const equal = (a: unknown, b: unknown) => collation.compare(a, b) === 0;
  const fieldEquals = (lhs: unknown, rhs: unknown, depth: number): boolean => {
    if (equal(lhs, rhs)) return true;
    return Array.isArray(lhs) && (lhs.some((v) => equal(v, rhs)) || flatten(lhs, depth).some((v) => equal(v, rhs)));
  };
  const fieldIn = (lhs: unknown, list: unknown): boolean => {
    if (!Array.isArray(list)) throw new MongoError(2, "$in needs an array");
    const values = Array.isArray(lhs) ? [lhs, ...lhs] : [lhs];
    return list.some((item) =>
      item instanceof RegExp ? values.some((v) => typeof v === "string" && item.test(v)) : values.some((v) => equal(v, item)),
    );
  };
  const range = (test: (c: number) => boolean) => (lhs: unknown, rhs: unknown): boolean => {
    if (Array.isArray(lhs) && Array.isArray(rhs) && test(collation.compare(lhs, rhs))) return true;
    const values = Array.isArray(lhs) ? lhs : [lhs];
    return values.some((v) => typeRank(v) === typeRank(rhs) && test(collation.compare(v, rhs)));
  };
  const onField = (test: (lhs: unknown, rhs: unknown, depth: number) => boolean): QueryOp => (selector, value) => {
    const depth = Math.max(1, selector.split(".").length - 1);
    return (doc) => test(resolveField(doc, selector), value, depth);
  };
  const onArgs = (test: (c: number) => unknown): ExprOp => (obj, expr, options) => {
    const [a, b] = evalExpr(obj, expr, options) as [unknown, unknown];
    return test(collation.compare(a, b));
  };
  const lt = range((c) => c < 0);
  const lte = range((c) => c <= 0);
  const gt = range((c) => c > 0);
  const gte = range((c) => c >= 0);
  return {
    ...BASE_OPS,
    query: {
      ...BASE_OPS.query,
      $eq: onField(fieldEquals),
      $ne: onField((l, r, d) => !fieldEquals(l, r, d)),
      $in: onField(fieldIn),
      $nin: onField((l, r) => !fieldIn(l, r)),
      $lt: onField(lt),
      $lte: onField(lte),
      $gt: onField(gt),
      $gte: onField(gte),
    },
    expression: {
      ...BASE_OPS.expression,
      $eq: onArgs((c) => c === 0),
      $ne: onArgs((c) => c !== 0),
      $lt: onArgs((c) => c < 0),
      $lte: onArgs((c) => c <= 0),
      $gt: onArgs((c) => c > 0),
      $gte: onArgs((c) => c >= 0),
      $cmp: onArgs((c) => Math.sign(c)),
      $in: ((obj, expr, options) => {
        const [needle, list] = evalExpr(obj, expr, options) as [unknown, unknown];
        if (!Array.isArray(list)) throw new MongoError(40081, "$in requires an array as a second argument");
        return list.some((item) => equal(needle, item));
      }) as ExprOp,
    },
    pipeline: {
      ...BASE_OPS.pipeline,
      $sort: ((coll, expr) => Lazy(sortDocuments(coll.collect<Doc>(), sortFields(expr as Doc), collation.strings))) as PipelineOp,
    },
  } as typeof BASE_OPS;
}

const collatedContexts = new WeakMap<Collation, Context>();

function contextFor(collation: Collation | undefined): Context {
  if (!collation) return BASE;
  let context = collatedContexts.get(collation);
  if (!context) {
    context = Context.init(collatedOps(collation));
    collatedContexts.set(collation, context);
  }
  return context;
}

/** mingo options for a command's collation and variables. */
export function mingoOptions(exec?: ExecOptions): Partial<Options> {
  return { context: contextFor(exec?.collation), variables: exec?.variables };
}

export function createQuery(filter: Doc, exec?: ExecOptions): Query {
  return new Query(filter, mingoOptions(exec));
}

export function runPipeline(docs: Doc[], pipeline: Doc[], exec?: ExecOptions, extra: Partial<Options> = {}): Doc[] {
  return new Aggregator(pipeline, { ...mingoOptions(exec), ...extra }).run(docs) as Doc[];
}

/** mongod's rule for user variable names: a lowercase letter (or non-ASCII) first, then letters, digits, `_`. */
function checkVariableName(name: string): void {
  if (name === "") throw new MongoError(16866, "empty variable names are not allowed");
  if (!/^[a-z\u0080-\uffff]/.test(name)) throw new MongoError(16867, `'${name}' starts with an invalid character for a user variable name`);
  if (!/^[\w\u0080-\uffff]*$/.test(name)) throw new MongoError(16868, `'${name}' contains an invalid character for a variable name: '${name.replace(/[\w\u0080-\uffff]/g, "")[0]}'`);
}

/** Evaluates a command's `let` document (constant expressions, as mongod does) into variables. */
export function evaluateLet(raw: unknown, inherited?: Doc): Doc | undefined {
  if (raw === undefined || raw === null) return inherited;
  if (!isPlainObject(raw)) throw new MongoError(14, `BSON field 'let' is the wrong type '${typeof raw}', expected type 'object'`);
  const variables: Doc = { ...inherited };
  for (const [name, expr] of Object.entries(raw)) {
    checkVariableName(name);
    variables[name] = evalExpr({}, expr, mingoOptions({ variables }) as Options);
  }
  return variables;
}
