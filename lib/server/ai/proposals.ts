/**
 * Structured answers: a project plan or a set of changes to a project's tasks, proposed by the
 * model through a function call. The Gemini function declarations are generated from the same
 * zod schemas (lib/shared/projects/plan-schema.ts) that validate the arguments here and the user's
 * edits in the server actions, so the shape is stated once.
 */
import "server-only";
import type { FunctionDeclaration } from "@google/genai";
import { z } from "zod";
import { AiError } from "@/lib/server/ai/ai-errors";
import { DETAILS_TOOL, detailsToolDescription, detailsUpdateSchemaFor, parseDetailsCall, type DetailsUpdate } from "@/lib/server/ai/proposals-details";
import { changeProposalSchema, planSchema, type ChangeProposal, type Plan } from "@/lib/shared/projects/plan-schema";
import type { RoleField } from "@/lib/shared/roles/role-schema";

export type ProposalTool = "propose_plan" | "propose_changes" | typeof DETAILS_TOOL;

export type Proposal = { kind: "plan"; plan: Plan } | { kind: "changes"; changes: ChangeProposal } | { kind: "details"; update: DetailsUpdate };

const PROJECT_TOOLS = {
  propose_plan: {
    schema: planSchema,
    description:
      "Propose a project plan (name, description and tasks) for the user to review. The user edits and confirms it; nothing is created until they do. Call it once you know enough about the project.",
  },
  propose_changes: {
    schema: changeProposalSchema,
    description:
      "Propose changes to the user's project: add tasks, change a task's title, status, priority or due date, or rename the project. Use only task ids from the project_tasks block. The user applies or dismisses them; nothing changes until they do.",
  },
} as const;

/** What the user sees when a proposal cannot be used, whatever the reason (bad arguments, over a limit, cut off). */
export function invalidProposalError(tool: ProposalTool, cause?: unknown): AiError {
  const code = tool === "propose_plan" ? "invalid_plan" : tool === "propose_changes" ? "invalid_changes" : "invalid_details_update";
  return new AiError(code, { cause });
}

export function isProposalTool(name: unknown): name is ProposalTool {
  return name === "propose_plan" || name === "propose_changes" || name === DETAILS_TOOL;
}

/**
 * zod 4's JSON Schema, adapted to what Gemini's parametersJsonSchema accepts: no `$schema`
 * keyword, `anyOf` where zod writes `oneOf` for a discriminated union, and a one-value `enum`
 * for `const` (the older OpenAPI-subset Schema knows only `enum`). The input side is
 * used, so fields with defaults (priority, description) are optional for the model.
 */
export function toGeminiJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
  return adapt(json) as Record<string, unknown>;
}

function adapt(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(adapt);
  if (!value || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === "$schema") continue;
    if (key === "const") {
      out.enum = [inner];
      continue;
    }
    out[key === "oneOf" ? "anyOf" : key] = adapt(inner);
  }
  return out;
}

/** Declarations already built, by tools and fields: the same role's turns reuse them. */
const declarationCache = new Map<string, FunctionDeclaration[]>();
/** Bounds the cache (roles × tool sets in use); past it the oldest entry goes. */
const DECLARATION_CACHE_MAX = 500;

/**
 * `fields` are the conversation's role fields, from which propose_details_update is declared.
 * Building them (zod schemas, then their JSON Schema) cost ~1 ms of CPU on every reply, for an
 * answer that depends only on the tools and the fields: built once per process and kept.
 */
export function proposalDeclarations(tools: readonly ProposalTool[], fields: readonly RoleField[] = []): FunctionDeclaration[] {
  const key = JSON.stringify([tools, tools.includes(DETAILS_TOOL) ? fields : []]);
  const cached = declarationCache.get(key);
  if (cached) return cached;
  const built = buildDeclarations(tools, fields);
  if (declarationCache.size >= DECLARATION_CACHE_MAX) declarationCache.delete(declarationCache.keys().next().value!);
  declarationCache.set(key, built);
  return built;
}

function buildDeclarations(tools: readonly ProposalTool[], fields: readonly RoleField[]): FunctionDeclaration[] {
  return tools.flatMap((name): FunctionDeclaration[] => {
    if (name !== DETAILS_TOOL) return [{ name, description: PROJECT_TOOLS[name].description, parametersJsonSchema: toGeminiJsonSchema(PROJECT_TOOLS[name].schema) }];
    if (fields.length === 0) return [];
    return [{ name, description: detailsToolDescription(fields), parametersJsonSchema: toGeminiJsonSchema(detailsUpdateSchemaFor(fields)) }];
  });
}

/** Validates a call's arguments with the tool's schema; anything that does not pass is refused whole. */
export function parseProposalCall(name: ProposalTool, args: unknown, fields: readonly RoleField[] = []): Proposal {
  if (name === DETAILS_TOOL) return { kind: "details", update: parseDetailsCall(fields, args) };
  if (name === "propose_plan") {
    const parsed = planSchema.safeParse(args);
    if (!parsed.success) throw invalidProposalError(name, parsed.error);
    return { kind: "plan", plan: parsed.data };
  }
  const parsed = changeProposalSchema.safeParse(args);
  if (!parsed.success) throw invalidProposalError(name, parsed.error);
  return { kind: "changes", changes: parsed.data };
}
