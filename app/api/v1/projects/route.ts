/** GET /api/v1/projects — your projects (optionally by status), paginated; POST — create one from a plan. */
import { pageOfList } from "@/lib/server/services/api/bounded-page";
import { idempotentJson } from "@/lib/server/services/api/idempotency";
import { createProject } from "@/lib/server/services/api/projects";
import { apiRoute, jsonResponse } from "@/lib/server/services/api/route";
import { pageQuerySchema, parseQuery } from "@/lib/shared/api/common";
import { createProjectSchema, projectListQuerySchema } from "@/lib/shared/api/projects";
import { readJsonBody } from "@/lib/server/infra/http/handler";
import { listProjectItems } from "@/lib/server/services/projects/queries";
import type { ProjectDTO, ProjectListItem } from "@/lib/shared/projects/types";

function withoutNextDue(item: ProjectListItem): ProjectDTO {
  const { nextDue: _nextDue, ...project } = item;
  void _nextDue;
  return project;
}

export const GET = apiRoute(async (request, { owner }) => {
  const query = parseQuery(request, pageQuerySchema.extend(projectListQuerySchema.shape));
  const projects = await listProjectItems(owner, query.status ? [query.status] : undefined);
  const page = pageOfList(projects, query.limit, query.cursor);
  // The list rows carry the next due task for the app's pages; the API's Project is the plain project.
  return jsonResponse({ items: page.items.map(withoutNextDue), nextCursor: page.nextCursor });
});

export const POST = apiRoute(async (request, caller) => {
  const body = await readJsonBody(request, createProjectSchema);
  return idempotentJson(request, caller, body, async () => ({ status: 201, data: await createProject(caller.owner, body) }));
});
