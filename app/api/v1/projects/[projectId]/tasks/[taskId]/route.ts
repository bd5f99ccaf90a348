/** GET/PATCH/DELETE /api/v1/projects/:projectId/tasks/:taskId — one task of one of your projects. */
import { apiRoute, jsonResponse, noContent } from "@/lib/server/services/api/route";
import { taskPatchBodySchema } from "@/lib/shared/api/projects";
import { readJsonBody } from "@/lib/server/infra/http/handler";
import { toTaskDTO } from "@/lib/server/services/projects/dto";
import { requireProject, requireTask } from "@/lib/server/services/projects/project-access";
import { deleteTask, updateTask } from "@/lib/server/services/projects/task-service";

type Params = { projectId: string; taskId: string };

export const GET = apiRoute<Params>(async (_request, { owner }, { projectId, taskId }) =>
  jsonResponse(toTaskDTO(await requireTask(owner, await requireProject(owner, projectId), taskId))),
);

export const PATCH = apiRoute<Params>(async (request, { owner }, { projectId, taskId }) => {
  const body = await readJsonBody(request, taskPatchBodySchema);
  return jsonResponse(await updateTask(owner, projectId, taskId, body));
});

export const DELETE = apiRoute<Params>(async (_request, { owner }, { projectId, taskId }) => {
  await deleteTask(owner, projectId, taskId);
  return noContent();
});
