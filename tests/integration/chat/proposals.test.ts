/**
 * Plans and changes proposed in conversation, end to end below the browser: the reply route →
 * services → the real @google/genai SDK → the fake Gemini server, the real driver underneath,
 * then the card actions (Create project, Apply, Dismiss, Clear history) as the signed-in user and
 * as a second user who must never reach the first one's proposals, projects or tasks.
 */
import { ObjectId } from "mongodb";
import { describe, expect, it, vi } from "vitest";
import {
  applyChangesAction,
  createProjectFromPlanAction,
  dismissProposalAction,
} from "@/app/(app)/chat/actions";
import { startProjectPlanningAction } from "@/app/(app)/projects/new/actions";
import { clearProjectChatAction } from "@/app/(app)/projects/actions";
import { startConversation } from "@/lib/server/services/chat/conversation-service";
import type { ChatStreamEvent, MessageDTO } from "@/lib/shared/chat/types";
import { getBoard } from "@/lib/server/services/projects/queries";
import { useAppDatabase } from "../../helpers/app-db";
import { useFakeGeminiApp } from "../../helpers/fake-gemini-app";
import { makeProject } from "../projects/fixtures";
import { makeUser, postReply, readEvents, type TestUser } from "./fixtures";
import { signInAs } from "./session-mock";

vi.mock("@/lib/server/services/auth/session", async () => (await import("./session-mock")).sessionMock);

const test = useAppDatabase();
const fake = useFakeGeminiApp("proposal-key");

const PLAN = {
  name: "Bakery website",
  description: "Online orders for cakes.",
  tasks: [
    { title: "Register a domain", priority: "high" },
    { title: "Photograph the cakes", priority: "medium", dueDate: "2027-05-01" },
    { title: "Write the menu" },
  ],
};

async function planningChat(me: TestUser): Promise<string> {
  signInAs(me.user);
  const conversation = await startConversation(me.owner, "project-planner", { project_goal: "A bakery website" }, { mode: "project-planning" });
  return conversation._id.toHexString();
}

async function send(id: string, text: string): Promise<ChatStreamEvent[]> {
  const response = await postReply(id, { mode: "send", text });
  expect(response.status).toBe(200);
  return readEvents(response);
}

function doneMessage(events: ChatStreamEvent[]): MessageDTO {
  const done = events.find((event): event is Extract<ChatStreamEvent, { type: "done" }> => event.type === "done");
  if (!done) throw new Error(`no done event: ${JSON.stringify(events)}`);
  return done.message;
}

function errorEvent(events: ChatStreamEvent[]) {
  return events.find((event): event is Extract<ChatStreamEvent, { type: "error" }> => event.type === "error");
}

/** A planning chat whose plan became a project; returns the ids and the project's task ids. */
async function projectChat(me: TestUser) {
  const conversationId = await planningChat(me);
  fake.script({ functionCall: { name: "propose_plan", args: PLAN } });
  const reply = doneMessage(await send(conversationId, "Plan it"));
  const created = await createProjectFromPlanAction(reply.id, PLAN);
  if (!created.ok) throw new Error(created.error.message);
  const board = await getBoard(me.owner, created.data.projectId);
  return { conversationId, projectId: created.data.projectId, tasks: board.tasks };
}

describe("Create project's details form", () => {
  function form(goal: string): FormData {
    const data = new FormData();
    data.set("project_goal", goal);
    // The role is fixed by the action, whatever the form claims.
    data.set("roleId", "financial-advisor");
    return data;
  }

  it("opens a Project Planner chat in project-planning mode and saves the brief", async () => {
    const me = await makeUser("starter");
    signInAs(me.user);
    const thrown = await startProjectPlanningAction(null, form("A vegetable garden")).then(
      (state) => new Error(`no redirect: ${JSON.stringify(state)}`),
      (caught: unknown) => caught,
    );
    const id = /\/chat\/([0-9a-f]{24})/.exec(String((thrown as { digest?: unknown }).digest ?? ""))?.[1];
    expect(id).toBeDefined();
    const conversation = await test.db().collection("conversations").findOne({ _id: new ObjectId(id) });
    expect(conversation).toMatchObject({ userId: me.owner, roleId: "project-planner", mode: "project-planning", title: "New project plan", details: { project_goal: "A vegetable garden" } });
    expect(await test.db().collection("briefs").findOne({ userId: me.owner, roleId: "project-planner" })).toMatchObject({ details: { project_goal: "A vegetable garden" } });
  });

  it("keeps the form with the message beside the field when the goal is missing, and refuses a signed-out visitor", async () => {
    const me = await makeUser("starter");
    signInAs(me.user);
    const state = await startProjectPlanningAction(null, form(""));
    expect(state.ok ? undefined : state.error.fields?.project_goal?.[0]).toBeTruthy();
    signInAs(null);
    expect(await startProjectPlanningAction(null, form("x"))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/session has ended/) } });
    expect(await test.db().collection("conversations").countDocuments({ userId: me.owner })).toBe(0);
  });
});

describe("a plan proposed in a planning conversation", () => {
  it("offers propose_plan, stores the validated plan on the reply (proposed), and survives a reload", async () => {
    const me = await makeUser("planner");
    const id = await planningChat(me);
    fake.script({ functionCall: { name: "propose_plan", args: PLAN } });
    const reply = doneMessage(await send(id, "A bakery site, please"));

    expect(reply.proposal).toMatchObject({ kind: "plan", state: "proposed", plan: { name: "Bakery website", tasks: [{}, {}, { title: "Write the menu", priority: "medium" }] } });
    expect(reply.message).toMatch(/plan for \*\*Bakery website\*\* with 3 tasks/);
    const sent = fake.requests.find((request) => request.kind === "stream")!;
    expect(JSON.stringify(sent.body.tools)).toContain('"propose_plan"');
    expect(sent.systemInstruction).toContain("## Planning a project");

    const stored = await test.db().collection("messages").findOne({ _id: new ObjectId(reply.id) });
    expect(stored?.proposal).toMatchObject({ kind: "plan", state: "proposed" });
  });

  it("shows “I couldn't turn that into a plan” for arguments that fail validation, and stores no proposal", async () => {
    const me = await makeUser("planner");
    const id = await planningChat(me);
    fake.script({ chunks: ["Here it comes."], functionCall: { name: "propose_plan", args: { name: "X", tasks: [{ title: "t".repeat(50_000) }] } } });
    const error = errorEvent(await send(id, "Plan it"));
    expect(error).toMatchObject({ code: "invalid_plan", message: "I couldn't turn that into a plan. Retry to ask again." });
    const [, ai] = await test.db().collection("messages").find({ conversationId: new ObjectId(id) }).sort({ timestamp: 1 }).toArray();
    expect(ai).toMatchObject({ status: "error", errorCode: "invalid_plan", message: "Here it comes." });
    expect(ai?.proposal).toBeUndefined();

    // Retry (regenerate) then gets a plan.
    fake.script({ functionCall: { name: "propose_plan", args: PLAN } });
    const retried = doneMessage(await readEvents(await postReply(id, { mode: "regenerate" })));
    expect(retried.proposal?.state).toBe("proposed");
  });

  it("offers an ordinary role chat no project tools, only the details update (issue 20)", async () => {
    const me = await makeUser("chatter");
    signInAs(me.user);
    const conversation = await startConversation(me.owner, "project-planner", { project_goal: "Anything" });
    await send(conversation._id.toHexString(), "Hello");
    const tools = fake.requests.find((request) => request.kind === "stream")!.body.tools as { functionDeclarations: { name: string }[] }[];
    expect(tools.flatMap((tool) => tool.functionDeclarations.map((declaration) => declaration.name))).toEqual(["propose_details_update"]);
  });
});

describe("Create project from the plan card", () => {
  it("creates exactly the kept, edited tasks, links the chat to the project, and cannot be used twice", async () => {
    const me = await makeUser("creator");
    const id = await planningChat(me);
    fake.script({ functionCall: { name: "propose_plan", args: PLAN } });
    const reply = doneMessage(await send(id, "Plan it"));

    const edited = { ...PLAN, tasks: [{ ...PLAN.tasks[0]!, title: "Register bakery.example" }, PLAN.tasks[2]!] };
    const created = await createProjectFromPlanAction(reply.id, edited);
    expect(created.ok).toBe(true);
    const projectId = created.ok ? created.data.projectId : "";
    const board = await getBoard(me.owner, projectId);
    expect(board.tasks.map((task) => [task.title, task.priority])).toEqual([
      ["Register bakery.example", "high"],
      ["Write the menu", "medium"],
    ]);
    expect(board.project.name).toBe("Bakery website");

    const conversation = await test.db().collection("conversations").findOne({ _id: new ObjectId(id) });
    expect(conversation?.projectId?.toHexString()).toBe(projectId);
    const message = await test.db().collection("messages").findOne({ _id: new ObjectId(reply.id) });
    expect(message?.proposal).toMatchObject({ state: "applied", plan: { tasks: [{ title: "Register bakery.example" }, {}] } });
    expect(message?.proposal.projectId.toHexString()).toBe(projectId);

    // The reply is now the record of that decision: it cannot be regenerated or its question edited away.
    for (const body of [{ mode: "regenerate" }, { mode: "edit", text: "Something else" }]) {
      const refused = await postReply(id, body);
      expect(refused.status).toBe(409);
    }
    expect(await test.db().collection("messages").countDocuments({ conversationId: new ObjectId(id) })).toBe(2);

    const again = await createProjectFromPlanAction(reply.id, edited);
    expect(again).toMatchObject({ ok: false, error: { code: "conflict:proposal" } });
    expect(await test.db().collection("projects").countDocuments({ userId: me.owner })).toBe(1);
  });

  it("refuses an edited plan that breaks the schema, beside the field, and creates nothing", async () => {
    const me = await makeUser("creator");
    const id = await planningChat(me);
    fake.script({ functionCall: { name: "propose_plan", args: PLAN } });
    const reply = doneMessage(await send(id, "Plan it"));
    const result = await createProjectFromPlanAction(reply.id, { ...PLAN, tasks: [{ title: "x".repeat(50_000) }, { title: "Later", dueDate: "10000-01-01" }] });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid:plan" } });
    expect(result.ok ? {} : result.error.fields).toMatchObject({ "tasks.0.title": [expect.stringMatching(/at most 200/)], "tasks.1.dueDate": expect.arrayContaining(["Pick a date between the years 2000 and 2100."]) });
    expect(await test.db().collection("projects").countDocuments({ userId: me.owner })).toBe(0);
    const message = await test.db().collection("messages").findOne({ _id: new ObjectId(reply.id) });
    expect(message?.proposal.state).toBe("proposed");
  });

  it("lets no other user create, apply or dismiss someone's proposal", async () => {
    const alice = await makeUser("alice");
    const mallory = await makeUser("mallory");
    const id = await planningChat(alice);
    fake.script({ functionCall: { name: "propose_plan", args: PLAN } });
    const reply = doneMessage(await send(id, "Plan it"));

    signInAs(mallory.user);
    expect(await createProjectFromPlanAction(reply.id, PLAN)).toMatchObject({ ok: false, error: { code: "not_found:proposal" } });
    expect(await dismissProposalAction(reply.id)).toMatchObject({ ok: false, error: { code: "not_found:proposal" } });
    expect(await applyChangesAction(reply.id)).toMatchObject({ ok: false, error: { code: "not_found:proposal" } });
    expect(await createProjectFromPlanAction("not-an-id", PLAN)).toMatchObject({ ok: false, error: { code: "not_found:proposal" } });
    expect(await test.db().collection("projects").countDocuments({ userId: { $in: [alice.owner, mallory.owner] } })).toBe(0);
    expect((await test.db().collection("messages").findOne({ _id: new ObjectId(reply.id) }))?.proposal.state).toBe("proposed");
    expect(await test.db().collection("messages").countDocuments({ conversationId: new ObjectId(id) })).toBe(2);

    signInAs(null);
    expect(await dismissProposalAction(reply.id)).toMatchObject({ ok: false, error: { code: "unauthorized" } });
  });
});

describe("changes proposed in a project's chat", () => {
  it("sends the open tasks as data, offers propose_changes, and applies the card with one click", async () => {
    const me = await makeUser("owner");
    const { conversationId, projectId, tasks } = await projectChat(me);
    const [domain] = tasks;
    fake.reset();
    fake.script({
      chunks: ["Sure."],
      functionCall: {
        name: "propose_changes",
        args: { summary: "One new task, one done", changes: [{ type: "add_task", task: { title: "Set up payments", dueDate: "2027-06-01" } }, { type: "update_task", taskId: domain!.id, status: "done" }] },
      },
    });
    const reply = doneMessage(await send(conversationId, "Add payments and mark the domain done"));
    const sent = fake.requests.find((request) => request.kind === "stream")!;
    expect(JSON.stringify(sent.body.tools)).toContain('"propose_changes"');
    expect(sent.systemInstruction).toContain("<project_tasks>");
    for (const task of tasks) expect(sent.systemInstruction).toContain(task.id);
    // The earlier plan is in the model's context as words, with what became of it.
    expect(sent.contents.some((turn) => turn.role === "model" && turn.text.includes("the user accepted it"))).toBe(true);

    expect(reply.proposal).toMatchObject({ kind: "changes", state: "proposed", taskTitles: { [domain!.id]: "Register a domain" } });
    // Nothing changed yet.
    expect((await getBoard(me.owner, projectId)).tasks).toEqual(tasks);

    expect(await applyChangesAction(reply.id)).toEqual({ ok: true, data: { projectId } });
    const board = await getBoard(me.owner, projectId);
    expect(board.tasks.find((task) => task.title === "Set up payments")).toMatchObject({ status: "todo", dueDate: "2027-06-01" });
    expect(board.tasks.find((task) => task.id === domain!.id)?.status).toBe("done");
    expect(await applyChangesAction(reply.id)).toMatchObject({ ok: false, error: { code: "conflict:proposal" } });
    expect((await getBoard(me.owner, projectId)).tasks).toHaveLength(4);
  });

  it("refuses a proposal naming a task that does not exist, or another user's task, as “couldn't turn that into changes”", async () => {
    const me = await makeUser("owner");
    const other = await makeUser("other");
    const otherProject = await makeProject(other.owner);
    const otherTask = (await getBoard(other.owner, otherProject)).tasks[0]!;
    const { conversationId, projectId, tasks } = await projectChat(me);
    signInAs(me.user);

    for (const taskId of [new ObjectId().toHexString(), otherTask.id]) {
      fake.script({ functionCall: { name: "propose_changes", args: { changes: [{ type: "add_task", task: { title: "Fine" } }, { type: "update_task", taskId, status: "done" }] } } });
      const error = errorEvent(await send(conversationId, "Finish that task"));
      expect(error).toMatchObject({ code: "invalid_changes", message: "I couldn't turn that into changes to your project. Retry to ask again." });
    }
    expect((await getBoard(me.owner, projectId)).tasks).toEqual(tasks);
    expect((await getBoard(other.owner, otherProject)).tasks[0]).toEqual(otherTask);
    expect(await test.db().collection("messages").countDocuments({ conversationId: new ObjectId(conversationId), proposal: { $exists: true }, "proposal.kind": "changes" })).toBe(0);
  });

  it("dismisses a card without changing anything; Apply afterwards is refused", async () => {
    const me = await makeUser("owner");
    const { conversationId, projectId, tasks } = await projectChat(me);
    fake.script({ functionCall: { name: "propose_changes", args: { changes: [{ type: "rename_project", name: "Cake shop" }] } } });
    const reply = doneMessage(await send(conversationId, "Rename it"));
    expect(await dismissProposalAction(reply.id)).toEqual({ ok: true, data: null });
    expect(await applyChangesAction(reply.id)).toMatchObject({ ok: false, error: { code: "conflict:proposal", message: "This proposal was dismissed." } });
    const board = await getBoard(me.owner, projectId);
    expect(board.project.name).toBe("Bakery website");
    expect(board.tasks).toEqual(tasks);
  });

  it("Clear history empties the project's chat and keeps the project and its tasks", async () => {
    const me = await makeUser("owner");
    const { conversationId, projectId, tasks } = await projectChat(me);
    expect(await clearProjectChatAction(projectId)).toEqual({ ok: true, data: { messages: 2 } });
    expect(await test.db().collection("messages").countDocuments({ conversationId: new ObjectId(conversationId) })).toBe(0);
    const conversation = await test.db().collection("conversations").findOne({ _id: new ObjectId(conversationId) });
    expect(conversation).toMatchObject({ messageCount: 0 });
    expect(conversation?.projectId.toHexString()).toBe(projectId);
    expect((await getBoard(me.owner, projectId)).tasks).toEqual(tasks);
  });
});
