/**
 * API test fixtures: users (from the chat fixtures), personal tokens made the way Settings makes
 * them, and a conversation to talk in. Test files register the session and model mocks:
 *   vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);
 *   vi.mock("@/lib/server/services/chat/ai-adapter", ...) — see any tests/api/*.test.ts.
 */
import { createApiToken } from "@/lib/server/services/api/tokens";
import type { TokenScope } from "@/models/api-tokens";
import { makeUser, type TestUser } from "../integration/chat/fixtures";
import { call } from "./client";

export interface ApiUser extends TestUser {
  token: string;
  readToken: string;
}

export async function makeApiUser(prefix = "api"): Promise<ApiUser> {
  const user = await makeUser(prefix);
  const token = (await createApiToken(user.owner, { name: "rw", scope: "read-write" satisfies TokenScope })).token;
  const readToken = (await createApiToken(user.owner, { name: "ro", scope: "read" })).token;
  return { ...user, token, readToken };
}

/** A conversation with the ChatCraft Guide (no required details), made through the API. */
export async function makeConversation(user: ApiUser): Promise<string> {
  const response = await call("POST", "/api/v1/conversations", { as: { token: user.token }, body: { roleId: "chatcraft-guide", details: { chatcraft_experience: "Regular user" } } });
  if (response.status !== 201) throw new Error(`conversation not created: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** A project with two tasks, made through the API; returns its id and its tasks' ids in board order. */
export async function makeProject(user: ApiUser): Promise<{ projectId: string; taskIds: string[] }> {
  const response = await call("POST", "/api/v1/projects", {
    as: { token: user.token },
    body: { name: "Bakery site", description: "Launch it", tasks: [{ title: "Pick a domain" }, { title: "Write the menu page" }] },
  });
  if (response.status !== 201) throw new Error(`project not created: ${response.status} ${await response.text()}`);
  const projectId = ((await response.json()) as { id: string }).id;
  const tasks = await call("GET", `/api/v1/projects/${projectId}/tasks`, { as: { token: user.token } });
  return { projectId, taskIds: ((await tasks.json()) as { items: { id: string }[] }).items.map((task) => task.id) };
}
