/**
 * The API's route files, by URL template, for in-process calls. The contract test checks this list
 * against the files under app/api/v1 (and the brief's endpoints) and against the OpenAPI document,
 * so a route cannot be added without the tests (and the document) knowing.
 */
type RouteModule = Record<string, unknown>;

export const ROUTES: Record<string, () => Promise<RouteModule>> = {
  "/api/v1/me": () => import("@/app/api/v1/me/route"),
  "/api/v1/me/export": () => import("@/app/api/v1/me/export/route"),
  "/api/v1/me/export/archive": () => import("@/app/api/v1/me/export/archive/route"),
  "/api/v1/me/events": () => import("@/app/api/v1/me/events/route"),
  "/api/v1/roles": () => import("@/app/api/v1/roles/route"),
  "/api/v1/roles/{roleId}": () => import("@/app/api/v1/roles/[roleId]/route"),
  "/api/v1/roles/{roleId}/brief": () => import("@/app/api/v1/roles/[roleId]/brief/route"),
  "/api/v1/roles/{roleId}/brief/history": () => import("@/app/api/v1/roles/[roleId]/brief/history/route"),
  "/api/v1/roles/{roleId}/brief/restore": () => import("@/app/api/v1/roles/[roleId]/brief/restore/route"),
  "/api/v1/messages/{messageId}/proposal": () => import("@/app/api/v1/messages/[messageId]/proposal/route"),
  "/api/v1/conversations": () => import("@/app/api/v1/conversations/route"),
  "/api/v1/conversations/{conversationId}": () => import("@/app/api/v1/conversations/[conversationId]/route"),
  "/api/v1/conversations/{conversationId}/messages": () => import("@/app/api/v1/conversations/[conversationId]/messages/route"),
  "/api/v1/conversations/{conversationId}/events": () => import("@/app/api/v1/conversations/[conversationId]/events/route"),
  "/api/v1/conversations/{conversationId}/stop": () => import("@/app/api/v1/conversations/[conversationId]/stop/route"),
  "/api/v1/conversations/{conversationId}/export": () => import("@/app/api/v1/conversations/[conversationId]/export/route"),
  "/api/v1/projects": () => import("@/app/api/v1/projects/route"),
  "/api/v1/projects/{projectId}": () => import("@/app/api/v1/projects/[projectId]/route"),
  "/api/v1/projects/{projectId}/tasks": () => import("@/app/api/v1/projects/[projectId]/tasks/route"),
  "/api/v1/projects/{projectId}/tasks/{taskId}": () => import("@/app/api/v1/projects/[projectId]/tasks/[taskId]/route"),
  "/api/v1/projects/{projectId}/tasks/{taskId}/move": () => import("@/app/api/v1/projects/[projectId]/tasks/[taskId]/move/route"),
  "/api/v1/search": () => import("@/app/api/v1/search/route"),
  "/api/v1/shares": () => import("@/app/api/v1/shares/route"),
  "/api/v1/shares/{shareId}": () => import("@/app/api/v1/shares/[shareId]/route"),
  "/api/v1/attachments": () => import("@/app/api/v1/attachments/route"),
  "/api/v1/attachments/{attachmentId}": () => import("@/app/api/v1/attachments/[attachmentId]/route"),
  "/api/v1/attachments/{attachmentId}/content": () => import("@/app/api/v1/attachments/[attachmentId]/content/route"),
  "/api/v1/attachments/{attachmentId}/thumbnail": () => import("@/app/api/v1/attachments/[attachmentId]/thumbnail/route"),
  "/api/v1/imports": () => import("@/app/api/v1/imports/route"),
  "/api/v1/imports/{importId}": () => import("@/app/api/v1/imports/[importId]/route"),
  "/api/v1/imports/{importId}/events": () => import("@/app/api/v1/imports/[importId]/events/route"),
  "/api/v1/openapi.json": () => import("@/app/api/v1/openapi.json/route"),
  "/api/chat/history/{userId}": () => import("@/app/api/chat/history/[userId]/route"),
  "/api/chat/save": () => import("@/app/api/chat/save/route"),
};

/** "/api/v1/conversations/abc/messages" → its template and path params, or null. */
export function matchRoute(pathname: string): { template: string; params: Record<string, string> } | null {
  for (const template of Object.keys(ROUTES)) {
    const names: string[] = [];
    const pattern = template.replace(/[.]/g, "\\.").replace(/\{(\w+)\}/g, (_match, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    const match = new RegExp(`^${pattern}$`).exec(pathname);
    if (match) return { template, params: Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? "")])) };
  }
  return null;
}
