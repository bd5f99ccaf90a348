/** The plan card's draft: unticked tasks are left out, and every error lands beside its own row's field. */
import { describe, expect, it } from "vitest";
import { draftErrorsFromFields, draftFromPlan, toPlan } from "@/components/projects/plan-draft";

const plan = {
  name: "Garden",
  description: "",
  tasks: [
    { title: "Dig beds", priority: "high" as const },
    { title: "Buy seeds", priority: "medium" as const, dueDate: "2027-03-01" },
    { title: "Water", priority: "low" as const },
  ],
};

describe("plan draft", () => {
  it("creates only the kept tasks, with their edits", () => {
    const draft = draftFromPlan(plan);
    draft.tasks[0]!.keep = false;
    draft.tasks[2]!.title = "Water every morning";
    draft.tasks[2]!.dueDate = "2027-04-02";
    expect(toPlan(draft)).toEqual({
      ok: true,
      plan: { name: "Garden", description: "", tasks: [plan.tasks[1], { title: "Water every morning", priority: "low", dueDate: "2027-04-02" }] },
    });
  });

  it("keys errors by the row the user sees, even when earlier rows are unticked", () => {
    const draft = draftFromPlan(plan);
    draft.tasks[0]!.keep = false;
    draft.tasks[2]!.title = "   ";
    draft.tasks[1]!.dueDate = "2027-02-30";
    const result = toPlan(draft);
    expect(result).toEqual({ ok: false, errors: { "1.dueDate": "That date does not exist.", "2.title": "Give the task a title." } });
    expect(draftErrorsFromFields(draft, { "tasks.1.title": ["Too long"], name: ["Give the project a name."] })).toEqual({
      "2.title": "Too long",
      name: "Give the project a name.",
    });
  });

  it("refuses a plan with every task unticked", () => {
    const draft = draftFromPlan(plan);
    for (const task of draft.tasks) task.keep = false;
    expect(toPlan(draft)).toEqual({ ok: false, errors: { tasks: "A plan needs at least one task." } });
  });
});
