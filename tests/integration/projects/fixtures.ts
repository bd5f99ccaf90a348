/** Shared by the project integration tests: a plan, and a project created from it for a user. */
import { ObjectId } from "mongodb";
import { createProjectFromPlan } from "@/lib/server/services/projects/create-project";
import type { Plan } from "@/lib/shared/projects/plan-schema";

export function plan(overrides: Partial<Plan> = {}): Plan {
  return {
    name: "Kitchen renovation",
    description: "New cabinets and a fresh coat of paint.",
    tasks: [
      { title: "Measure the walls", priority: "high", dueDate: "2027-03-10" },
      { title: "Pick a paint colour", priority: "medium" },
      { title: "Order cabinets", priority: "low", notes: "Ask about delivery." },
    ],
    ...overrides,
  };
}

export function source() {
  return { conversationId: new ObjectId(), messageId: new ObjectId(), roleId: "project-planner", details: { goal: "kitchen" } };
}

export async function makeProject(owner: ObjectId, overrides: Partial<Plan> = {}): Promise<string> {
  return (await createProjectFromPlan(owner, plan(overrides), source())).projectId;
}
