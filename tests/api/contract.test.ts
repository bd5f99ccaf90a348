/**
 * The OpenAPI document and the code agree: every route file under app/api/v1 (and the brief's
 * endpoints) is in the document with exactly the methods it exports, and the document names no
 * route that does not exist. Answers are validated against the document in every API test
 * (tests/api/client.ts); this file also walks each operation once so all of them are exercised.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { useAppDatabase } from "../helpers/app-db";
import { call, parseSse } from "./client";
import { servedDocument } from "./contract";
import { makeApiUser, makeConversation, makeProject } from "./fixtures";
import { ROUTES } from "./routes";

vi.mock("@/lib/server/services/auth/session", async () => (await import("../integration/chat/session-mock")).sessionMock);
vi.mock("@/lib/server/services/chat/ai-adapter", async (importOriginal) => {
  const { sharedModel } = await import("../integration/chat/fixtures");
  return { ...(await importOriginal<typeof import("@/lib/server/services/chat/ai-adapter")>()), getChatModel: () => sharedModel };
});

useAppDatabase();

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const APP = path.resolve(__dirname, "../../app");

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

function templateOf(file: string): string {
  const relative = path.relative(APP, path.dirname(file)).split(path.sep).join("/");
  return `/${relative.replace(/\[(\w+)\]/g, "{$1}")}`;
}

const apiFiles = [...routeFiles(path.join(APP, "api/v1")), ...routeFiles(path.join(APP, "api/chat/history")), ...routeFiles(path.join(APP, "api/chat/save"))];

describe("the OpenAPI document matches the route files", () => {
  it("names every route file, and only those, with exactly their methods", async () => {
    const document = await servedDocument();
    const fromFiles = Object.fromEntries(
      await Promise.all(
        apiFiles.map(async (file) => {
          const template = templateOf(file);
          const loader = ROUTES[template];
          expect(loader, `tests/api/routes.ts lists ${template}`).toBeDefined();
          const exported = Object.keys(await loader!()).filter((name) => HTTP_METHODS.includes(name));
          return [template, exported.sort()] as const;
        }),
      ),
    );
    const fromDocument = Object.fromEntries(
      Object.entries(document.paths).map(([template, item]) => [template, Object.keys(item).map((method) => method.toUpperCase()).sort()]),
    );
    expect(fromDocument).toEqual(fromFiles);
    expect(Object.keys(ROUTES).sort()).toEqual(Object.keys(fromFiles).sort());
  });

  it("is OpenAPI 3.1 and every operation documents problem+json refusals", async () => {
    const document = (await servedDocument()) as unknown as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>> };
    expect(document.openapi).toBe("3.1.0");
    for (const [template, item] of Object.entries(document.paths)) {
      if (template === "/api/v1/openapi.json") continue;
      for (const [method, operation] of Object.entries(item)) {
        expect(Object.keys(operation.responses["401"]?.content ?? {}), `${method} ${template}`).toEqual(["application/problem+json"]);
      }
    }
  });
});

describe("every operation answers as documented", () => {
  it("walks the API once with a read-write token", async () => {
    const me = await makeApiUser();
    const as = { token: me.token };
    expect((await call("GET", "/api/v1/me", { as })).status).toBe(200);
    expect((await call("GET", "/api/v1/roles", { as })).status).toBe(200);
    const created = await call("POST", "/api/v1/roles", {
      as,
      body: {
        name: "Garden Helper",
        category: "Lifestyle",
        instructions: "Help with gardens.",
        fields: [{ key: "climate", label: "Climate", type: "text", required: true }],
      },
    });
    expect(created.status).toBe(201);
    const roleId = ((await created.json()) as { id: string }).id;
    expect((await call("GET", `/api/v1/roles/${roleId}`, { as })).status).toBe(200);
    const replaced = await call("PUT", `/api/v1/roles/${roleId}`, {
      as,
      body: { name: "Garden Guru", category: "Lifestyle", instructions: "Help.", fields: [{ key: "climate", label: "Climate", type: "text" }] },
    });
    expect(replaced.status).toBe(200);
    expect((await call("GET", `/api/v1/roles/${roleId}/brief`, { as })).status).toBe(200);
    expect((await call("PUT", `/api/v1/roles/${roleId}/brief`, { as, body: { details: { climate: "dry" } } })).status).toBe(200);
    expect((await call("PUT", `/api/v1/roles/${roleId}/brief`, { as, body: { details: { climate: "wet" } } })).status).toBe(200);
    const briefHistory = (await (await call("GET", `/api/v1/roles/${roleId}/brief/history`, { as })).json()) as { items: { id: string }[] };
    expect((await call("POST", `/api/v1/roles/${roleId}/brief/restore`, { as, body: { entryId: briefHistory.items[0]!.id } })).status).toBe(200);
    expect((await call("POST", `/api/v1/messages/${"0".repeat(24)}/proposal`, { as, body: { action: "dismiss" } })).status).toBe(404);
    expect((await call("DELETE", `/api/v1/roles/${roleId}`, { as })).status).toBe(204);

    const id = await makeConversation(me);
    expect((await call("GET", "/api/v1/conversations?limit=5", { as })).status).toBe(200);
    expect((await call("GET", `/api/v1/conversations/${id}`, { as })).status).toBe(200);
    expect((await call("PATCH", `/api/v1/conversations/${id}`, { as, body: { title: "Renamed" } })).status).toBe(200);
    const streamed = await call("POST", `/api/v1/conversations/${id}/messages`, { as, body: { text: "Hello" } });
    expect(streamed.status).toBe(200);
    expect(parseSse(await streamed.text()).map((frame) => frame.event)).toEqual(["user", "text", "done"]);
    expect((await call("POST", `/api/v1/conversations/${id}/messages`, { as, body: { text: "Again", stream: false } })).status).toBe(200);
    expect((await call("GET", `/api/v1/conversations/${id}/messages?order=desc&limit=1`, { as })).status).toBe(200);
    expect((await call("GET", "/api/v1/me/export", { as })).status).toBe(200);
    expect((await call("GET", `/api/v1/conversations/${id}/export?format=json`, { as })).status).toBe(200);
    expect((await call("GET", `/api/v1/conversations/${id}/export?format=markdown`, { as })).status).toBe(200);
    const shared = await call("POST", "/api/v1/shares", { as, body: { conversationId: id } });
    expect(shared.status).toBe(201);
    const shareId = ((await shared.json()) as { id: string }).id;
    expect((await call("GET", "/api/v1/shares", { as })).status).toBe(200);
    expect((await call("GET", `/api/v1/shares/${shareId}`, { as })).status).toBe(200);
    expect((await call("PATCH", `/api/v1/shares/${shareId}`, { as, body: { expiresIn: "never" } })).status).toBe(200);
    expect((await call("DELETE", `/api/v1/shares/${shareId}`, { as })).status).toBe(204);
    expect((await call("GET", "/api/v1/me/export?format=ndjson", { as })).status).toBe(200);
    expect((await call("DELETE", `/api/v1/conversations/${id}`, { as })).status).toBe(204);

    const { projectId, taskIds } = await makeProject(me);
    const [first, second] = taskIds as [string, string];
    expect((await call("GET", "/api/v1/projects?limit=5", { as })).status).toBe(200);
    expect((await call("GET", `/api/v1/projects/${projectId}`, { as })).status).toBe(200);
    expect((await call("PATCH", `/api/v1/projects/${projectId}`, { as, body: { status: "done" } })).status).toBe(200);
    expect((await call("POST", `/api/v1/projects/${projectId}/tasks`, { as, body: { title: "Third" } })).status).toBe(201);
    expect((await call("GET", `/api/v1/projects/${projectId}/tasks/${first}`, { as })).status).toBe(200);
    expect((await call("PATCH", `/api/v1/projects/${projectId}/tasks/${first}`, { as, body: { priority: "high" } })).status).toBe(200);
    expect((await call("POST", `/api/v1/projects/${projectId}/tasks/${first}/move`, { as, body: { status: "todo", beforeId: second, afterId: null } })).status).toBe(200);
    expect((await call("DELETE", `/api/v1/projects/${projectId}/tasks/${second}`, { as })).status).toBe(204);
    expect((await call("DELETE", `/api/v1/projects/${projectId}`, { as })).status).toBe(204);

    const history = `/api/chat/history/${me.user.id}?chatType=navigation`;
    expect((await call("POST", "/api/chat/save", { as, body: { userId: me.user.id, chatType: "navigation", message: "Hi", response: "Hello!" } })).status).toBe(201);
    expect((await call("GET", history, { as })).status).toBe(200);
    expect((await call("DELETE", history, { as })).status).toBe(200);
  });
});
