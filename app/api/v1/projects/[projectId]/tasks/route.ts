/** GET /api/v1/projects/:projectId/tasks — the board's tasks in board order, paginated; POST — add one. */
import { pageOfList } from "@/lib/api/bounded-page";
import { idempotentJson } from "@/lib/api/idempotency";
import { apiRoute, jsonResponse } from "@/lib/api/route";
import { pageQuerySchema, parseQuery } from "@/lib/api/schemas/common";
import { newTaskBodySchema } from "@/lib/api/schemas/projects";
import { readJsonBody } from "@/lib/http/handler";
import { getBoard } from "@/lib/projects/queries";
import { addTask } from "@/lib/projects/task-service";

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
