/** The demo model's proposals: deterministic, derived only from what the user wrote. */
import { describe, expect, it } from "vitest";
import type { ChatChunk, StreamReplyRequest } from "@/lib/server/ai/chat-model";
import { createDemoModel } from "@/lib/server/ai/demo-model";
import { deriveChanges, derivePlan, splitIntoItems } from "@/lib/server/ai/demo-proposals";
import { assembleSystemInstruction } from "@/lib/server/ai/system-instruction";
import { getBuiltInRole } from "@/lib/server/services/roles/built-in-roles";

const planner = getBuiltInRole("project-planner")!;

describe("splitIntoItems", () => {
  it("takes one item per bullet when there are bullets, ignoring other lines", () => {
    expect(splitIntoItems("Here is my list:\n- Buy flour\n* Test ovens.\n1. Print menus\n2) Open the doors")).toEqual([
      "Buy flour",
      "Test ovens",
      "Print menus",
      "Open the doors",
    ]);
  });

  it("takes one item per sentence otherwise", () => {
    expect(splitIntoItems("Find a venue. Send invitations! Order the cake?  ")).toEqual(["Find a venue", "Send invitations", "Order the cake"]);
  });
});

describe("derivePlan", () => {
  it("names the plan from the project goal and makes one task per sentence, with due dates and urgency", () => {
    const proposal = derivePlan("Book the hall by 2027-03-01. Print flyers (due 2027-02-20). Call the caterer first.", "Spring fair");
    expect(proposal).toEqual({
      kind: "plan",
      plan: {
        name: "Spring fair",
        description: "Spring fair",
        tasks: [
          { title: "Book the hall", priority: "medium", dueDate: "2027-03-01" },
          { title: "Print flyers", priority: "medium", dueDate: "2027-02-20" },
          { title: "Call the caterer first", priority: "high" },
        ],
      },
    });
  });

  it("is the same for the same words, and leaves an impossible date in the title rather than proposing it", () => {
    expect(derivePlan("Launch by 10000-01-01.")).toEqual(derivePlan("Launch by 10000-01-01."));
    const plan = derivePlan("Launch by 10000-01-01.");
    expect(plan.kind === "plan" && plan.plan.tasks).toEqual([{ title: "Launch by 10000-01-01", priority: "medium" }]);
  });
});

describe("deriveChanges", () => {
  it("proposes adding a task, renaming the project, or nothing", () => {
    expect(deriveChanges("Please add a task: order balloons by 2027-04-02")).toEqual({
      kind: "changes",
      changes: { summary: "Add “order balloons”", changes: [{ type: "add_task", task: { title: "order balloons", priority: "medium", dueDate: "2027-04-02" } }] },
    });
    expect(deriveChanges("rename the project to “Summer fair”")).toEqual({
      kind: "changes",
      changes: { summary: "Rename the project to “Summer fair”", changes: [{ type: "rename_project", name: "Summer fair" }] },
    });
    expect(deriveChanges("How is it going?")).toBeNull();
  });
});

async function collect(request: StreamReplyRequest): Promise<ChatChunk[]> {
  const chunks: ChatChunk[] = [];
  for await (const chunk of createDemoModel({ delayMs: 0 }).streamReply(request)) chunks.push(chunk);
  return chunks;
}

describe("demo model with tools", () => {
  const base = {
    systemInstruction: assembleSystemInstruction(planner, planner.fields, { project_goal: "Open a bakery" }),
    history: [{ role: "user" as const, text: "- Rent a shop\n- Buy ovens" }],
    temperature: 0.5,
    signal: new AbortController().signal,
  };

  it("proposes a plan before done when propose_plan is offered", async () => {
    const chunks = await collect({ ...base, tools: ["propose_plan"] });
    expect(chunks.at(-1)?.type).toBe("done");
    const proposal = chunks.find((chunk) => chunk.type === "proposal");
    expect(proposal).toEqual({
      type: "proposal",
      proposal: { kind: "plan", plan: { name: "Open a bakery", description: "Open a bakery", tasks: [{ title: "Rent a shop", priority: "medium" }, { title: "Buy ovens", priority: "medium" }] } },
    });
    expect(chunks.filter((chunk) => chunk.type === "text").map((chunk) => (chunk as { text: string }).text).join("")).toMatch(/plan with 2 tasks/);
  });

  it("proposes nothing without tools, and in a project chat only for a change request", async () => {
    expect((await collect(base)).some((chunk) => chunk.type === "proposal")).toBe(false);
    const chat = await collect({ ...base, tools: ["propose_changes"], history: [{ role: "user", text: "What next?" }] });
    expect(chat.some((chunk) => chunk.type === "proposal")).toBe(false);
    expect(chat.map((chunk) => (chunk.type === "text" ? chunk.text : "")).join("")).toContain("add a task: …");
  });
});
