/**
 * The `explain` command, as mongod answers it for find, aggregate, count, distinct, update,
 * delete and findAndModify: `queryPlanner.winningPlan` from the embedded planner's real choice,
 * plus `executionStats` at the executionStats / allPlansExecution verbosities. Writes are
 * planned and their targets counted, never performed (as on mongod).
 */
import { hostname } from "node:os";
import type { Doc } from "../doc-paths";
import { MongoError } from "../errors";
import { SERVER_VERSION } from "./admin";
import { splitPrefix } from "./pipeline-prefix";
import { asNumber, collectionName, type CommandContext, type CommandHandler } from "./context";
import { executionStats, explainFind, queryPlanner, withRootStage, type ExplainedFind, type FindPlanInput, type Verbosity } from "./explain-plan";

const VERBOSITIES: readonly Verbosity[] = ["queryPlanner", "executionStats", "allPlansExecution"];

interface Explained {
  filter: Doc;
  plan: ExplainedFind;
  nReturned: number;
}

function planFor(ctx: CommandContext, coll: string, input: FindPlanInput, verbosity: Verbosity): ExplainedFind {
  return explainFind(ctx.store.collection(ctx.db, coll), input, verbosity);
}

function explainFindCommand(cmd: Doc, ctx: CommandContext, verbosity: Verbosity): Explained {
  const filter = (cmd.filter ?? {}) as Doc;
  const input = { filter, sort: cmd.sort as Doc | undefined, skip: asNumber(cmd.skip, 0), limit: asNumber(cmd.limit, 0), projection: cmd.projection as Doc | undefined };
  const plan = planFor(ctx, collectionName(cmd, "find"), input, verbosity);
  return { filter, plan, nReturned: plan.docs.length };
}

function explainCount(cmd: Doc, ctx: CommandContext, verbosity: Verbosity): Explained {
  const filter = (cmd.query ?? {}) as Doc;
  const plan = planFor(ctx, collectionName(cmd, "count"), { filter }, verbosity);
  const nCounted = Math.max(0, plan.docs.length - asNumber(cmd.skip, 0));
  return { filter, plan: withRootStage(plan, { stage: "COUNT" }, { nCounted }), nReturned: 0 };
}

function explainDistinct(cmd: Doc, ctx: CommandContext, verbosity: Verbosity): Explained {
  const filter = (cmd.query ?? {}) as Doc;
  const plan = planFor(ctx, collectionName(cmd, "distinct"), { filter }, verbosity);
  return { filter, plan, nReturned: plan.docs.length };
}

/** update / delete explain the first statement, as mongod does. */
function explainWrite(cmd: Doc, ctx: CommandContext, verbosity: Verbosity, kind: "update" | "delete"): Explained {
  const statements = (cmd[kind === "update" ? "updates" : "deletes"] ?? []) as Doc[];
  const statement = statements[0];
  if (!statement) throw new MongoError(9, `explain of ${kind} needs one statement`);
  const filter = (statement.q ?? {}) as Doc;
  const many = kind === "update" ? statement.multi === true : asNumber(statement.limit, 0) !== 1;
  const plan = planFor(ctx, collectionName(cmd, kind), { filter, sort: statement.sort as Doc | undefined, limit: many ? 0 : 1 }, verbosity);
  const n = plan.docs.length;
  const root = kind === "update" ? withRootStage(plan, { stage: "UPDATE" }, { nMatched: n, nWouldModify: n }) : withRootStage(plan, { stage: "DELETE" }, { nWouldDelete: n });
  return { filter, plan: root, nReturned: 0 };
}

function explainFindAndModify(cmd: Doc, ctx: CommandContext, verbosity: Verbosity): Explained {
  const name = collectionName(cmd, Object.keys(cmd)[0]!);
  const filter = (cmd.query ?? {}) as Doc;
  const plan = planFor(ctx, name, { filter, sort: cmd.sort as Doc | undefined, limit: 1 }, verbosity);
  const n = plan.docs.length;
  const root = cmd.remove === true ? withRootStage(plan, { stage: "DELETE" }, { nWouldDelete: n }) : withRootStage(plan, { stage: "UPDATE" }, { nMatched: n, nWouldModify: n });
  return { filter, plan: root, nReturned: 0 };
}

function serverInfo(): Doc {
  return { host: hostname(), port: 0, version: SERVER_VERSION, gitVersion: "embedded-mongo" };
}

function plannerReply(ns: string, explained: Explained, verbosity: Verbosity): Doc {
  const reply: Doc = { explainVersion: "1", queryPlanner: queryPlanner(ns, explained.filter, explained.plan) };
  if (verbosity !== "queryPlanner") reply.executionStats = executionStats(explained.plan, explained.nReturned, verbosity);
  return reply;
}

/**
 * aggregate: a pipeline made only of $match/$sort/$skip/$limit is answered by the find layer
 * (mongod then explains it as a plain query); otherwise the `$cursor` stage carries the plan and
 * the remaining stages follow as given.
 */
export function explainAggregate(cmd: Doc, ctx: CommandContext, verbosity: Verbosity): Doc {
  const name = collectionName(cmd, "aggregate");
  const pipeline = (cmd.pipeline ?? []) as Doc[];
  if (!Array.isArray(pipeline)) throw new MongoError(14, "'pipeline' option must be specified as an array");
  const ns = `${ctx.db}.${name}`;
  if (pipeline[0] && "$indexStats" in pipeline[0]) return { explainVersion: "1", stages: pipeline, serverInfo: serverInfo(), ok: 1 };
  const { spec, rest } = splitPrefix(pipeline);
  const plan = planFor(ctx, name, spec, verbosity);
  const explained: Explained = { filter: spec.filter ?? {}, plan, nReturned: plan.docs.length };
  const cursor = plannerReply(ns, explained, verbosity);
  if (rest.length === 0) return { ...cursor, command: cmd, serverInfo: serverInfo(), ok: 1 };
  return { explainVersion: "1", stages: [{ $cursor: cursor }, ...rest], command: cmd, serverInfo: serverInfo(), ok: 1 };
}

const EXPLAINABLE: Record<string, (cmd: Doc, ctx: CommandContext, verbosity: Verbosity) => Explained> = {
  find: explainFindCommand,
  count: explainCount,
  distinct: explainDistinct,
  update: (cmd, ctx, v) => explainWrite(cmd, ctx, v, "update"),
  delete: (cmd, ctx, v) => explainWrite(cmd, ctx, v, "delete"),
  findAndModify: explainFindAndModify,
  findandmodify: explainFindAndModify,
};

const explain: CommandHandler = (cmd, ctx) => {
  const inner = cmd.explain as Doc;
  if (inner === null || typeof inner !== "object" || Array.isArray(inner)) throw new MongoError(14, "explain command requires a nested object");
  const verbosity = (cmd.verbosity ?? "allPlansExecution") as Verbosity;
  if (!VERBOSITIES.includes(verbosity)) {
    throw new MongoError(2, "verbosity string must be one of {'queryPlanner', 'executionStats', 'allPlansExecution'}");
  }
  const name = Object.keys(inner)[0] ?? "";
  if (name === "aggregate") return explainAggregate(inner, ctx, verbosity);
  const handler = Object.prototype.hasOwnProperty.call(EXPLAINABLE, name) ? EXPLAINABLE[name] : undefined;
  if (!handler) throw new MongoError(59, `Explain failed due to unknown command: ${name}`);
  const explained = handler(inner, ctx, verbosity);
  const target = inner[name] as string;
  return { ...plannerReply(`${ctx.db}.${target}`, explained, verbosity), command: inner, serverInfo: serverInfo(), ok: 1 };
};

export const explainCommands: Record<string, CommandHandler> = { explain };
