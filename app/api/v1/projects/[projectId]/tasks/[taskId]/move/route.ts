/** POST /api/v1/projects/:projectId/tasks/:taskId/move — reorder: put the task between two others (one write). */
import { apiRoute, jsonResponse } from "@/lib/server/services/api/route";
import { taskMoveBodySchema } from "@/lib/shared/api/projects";
import { readJsonBody } from "@/lib/server/infra/http/handler";
import { moveTask } from "@/lib/server/services/projects/task-service";

type Params = { projectId: string; taskId: string };

export const POST = apiRoute<Params>(async (request, { owner }, { projectId, taskId }) => {
  const body = await readJsonBody(request, taskMoveBodySchema);
  return jsonResponse(await moveTask(owner, projectId, taskId, body));
});
