/** GET /api/v1/projects/:projectId/tasks — the board's tasks in board order, paginated; POST — add one. */
import { pageOfList } from "@/lib/server/services/api/bounded-page";
import { idempotentJson } from "@/lib/server/services/api/idempotency";
import { apiRoute, jsonResponse } from "@/lib/server/services/api/route";
import { pageQuerySchema, parseQuery } from "@/lib/shared/api/common";
import { newTaskBodySchema } from "@/lib/shared/api/projects";
import { readJsonBody } from "@/lib/server/infra/http/handler";
import { getBoard } from "@/lib/server/services/projects/queries";
import { addTask } from "@/lib/server/services/projects/task-service";

type Params = { projectId: string };

export const GET = apiRoute<Params>(async (request, { owner }, { projectId }) => {
  const query = parseQuery(request, pageQuerySchema);
  const { tasks } = await getBoard(owner, projectId);
  return jsonResponse(pageOfList(tasks, query.limit, query.cursor));
});

export const POST = apiRoute<Params>(async (request, caller, { projectId }) => {
  const body = await readJsonBody(request, newTaskBodySchema);
  return idempotentJson(request, caller, body, async () => ({ status: 201, data: await addTask(caller.owner, projectId, body) }));
});
