/** GET/PATCH/DELETE /api/v1/projects/:projectId — a project; PATCH changes name, description or status. */
import { updateProject } from "@/lib/server/services/api/projects";
import { apiRoute, jsonResponse, noContent } from "@/lib/server/services/api/route";
import { parseQuery } from "@/lib/shared/api/common";
import { deleteProjectQuerySchema, updateProjectSchema } from "@/lib/shared/api/projects";
import { readJsonBody } from "@/lib/server/infra/http/handler";
import { toProjectDTO } from "@/lib/server/services/projects/dto";
import { requireProject } from "@/lib/server/services/projects/project-access";
import { deleteProject } from "@/lib/server/services/projects/project-service";

type Params = { projectId: string };

export const GET = apiRoute<Params>(async (_request, { owner }, { projectId }) => jsonResponse(toProjectDTO(await requireProject(owner, projectId))));

export const PATCH = apiRoute<Params>(async (request, { owner }, { projectId }) => {
  const body = await readJsonBody(request, updateProjectSchema);
  return jsonResponse(await updateProject(owner, projectId, body));
});

export const DELETE = apiRoute<Params>(async (request, { owner }, { projectId }) => {
  const { deleteChat } = parseQuery(request, deleteProjectQuerySchema);
  await deleteProject(owner, projectId, { deleteChat: deleteChat === "true" });
  return noContent();
});
