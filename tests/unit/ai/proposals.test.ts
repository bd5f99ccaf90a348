/**
 * The function declarations Gemini receives are generated from the plan/change zod schemas, and
 * a call's arguments are used whole or not at all: the edge cases the issue names (2,000 tasks,
 * a 50,000-character title, year 10000, no tasks) are refused as "I couldn't turn that into a plan".
 */
import { describe, expect, it } from "vitest";
import { AiError } from "@/lib/server/ai/ai-errors";
import { parseProposalCall, proposalDeclarations, toGeminiJsonSchema } from "@/lib/server/ai/proposals";
import { MAX_TASKS_PER_PROJECT, planSchema } from "@/lib/shared/projects/plan-schema";

function refusal(run: () => unknown): AiError {
  try {
    run();
  } catch (error) {
    return error as AiError;
  }
  throw new Error("expected a refusal");
}

const validPlan = { name: "Bakery website", description: "Online orders", tasks: [{ title: "Pick a domain", priority: "high", dueDate: "2027-01-15" }, { title: "Photograph the cakes" }] };

describe("function declarations from the zod schemas", () => {
  it("declares propose_plan and propose_changes with JSON Schema Gemini accepts (no $schema, oneOf or const)", () => {
    const declarations = proposalDeclarations(["propose_plan", "propose_changes"]);
    expect(declarations.map((declaration) => declaration.name)).toEqual(["propose_plan", "propose_changes"]);
    const text = JSON.stringify(declarations);
    expect(text).not.toMatch(/"\$schema"|"oneOf"|"const"/);
    const plan = declarations[0]!.parametersJsonSchema as { required: string[]; properties: Record<string, { maxItems?: number; minItems?: number }> };
    expect(plan.required).toEqual(["name", "tasks"]);
    expect(plan.properties.tasks).toMatchObject({ minItems: 1, maxItems: MAX_TASKS_PER_PROJECT });
    const changes = toGeminiJsonSchema(planSchema) as { properties: { tasks: { items: { properties: { priority: { enum: string[] } } } } } };
    expect(changes.properties.tasks.items.properties.priority.enum).toEqual(["low", "medium", "high"]);
  });

  it("turns a change's type discriminator into a one-value enum", () => {
    const [declaration] = proposalDeclarations(["propose_changes"]);
    const text = JSON.stringify(declaration!.parametersJsonSchema);
    expect(text).toContain('"anyOf"');
    expect(text).toContain('"enum":["add_task"]');
  });
});

describe("parseProposalCall", () => {
  it("accepts a valid plan and fills defaults", () => {
    const proposal = parseProposalCall("propose_plan", validPlan);
    expect(proposal).toEqual({
      kind: "plan",
      plan: { ...validPlan, tasks: [validPlan.tasks[0], { title: "Photograph the cakes", priority: "medium" }] },
    });
  });

  it.each([
    ["2,000 tasks", { ...validPlan, tasks: Array.from({ length: 2000 }, (_, i) => ({ title: `Task ${i}` })) }],
    ["501 tasks (one over the limit)", { ...validPlan, tasks: Array.from({ length: MAX_TASKS_PER_PROJECT + 1 }, (_, i) => ({ title: `Task ${i}` })) }],
    ["a 50,000-character title", { ...validPlan, tasks: [{ title: "x".repeat(50_000) }] }],
    ["a due date in year 10000", { ...validPlan, tasks: [{ title: "Far away", dueDate: "10000-01-01" }] }],
    ["a day that does not exist", { ...validPlan, tasks: [{ title: "Leap", dueDate: "2027-02-29" }] }],
    ["no tasks", { ...validPlan, tasks: [] }],
    ["no name", { tasks: [{ title: "A" }] }],
    ["arguments that are not an object", "a plan"],
  ])("refuses a plan with %s, whole", (_case, args) => {
    const error = refusal(() => parseProposalCall("propose_plan", args));
    expect(error).toBeInstanceOf(AiError);
    expect(error.code).toBe("invalid_plan");
    expect(error.message).toBe("I couldn't turn that into a plan. Retry to ask again.");
  });

  it("accepts changes and refuses a malformed task id or an unknown change type", () => {
    const ok = parseProposalCall("propose_changes", { changes: [{ type: "add_task", task: { title: "Call the venue" } }] });
    expect(ok).toEqual({ kind: "changes", changes: { summary: "", changes: [{ type: "add_task", task: { title: "Call the venue", priority: "medium" } }] } });
    for (const changes of [[{ type: "update_task", taskId: "not-an-id", status: "done" }], [{ type: "delete_everything" }], []]) {
      expect(refusal(() => parseProposalCall("propose_changes", { changes })).code).toBe("invalid_changes");
    }
  });
});
