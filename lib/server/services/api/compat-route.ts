/**
 * apiRoute for the brief's endpoints: the same authentication and problem+json refusals, with
 * the brief's envelope member `success: false` added to every refusal (problem+json allows
 * extension members), so clients written against the brief can branch on `success`.
 */
import "server-only";
import { apiRoute, type ApiHandler, type RouteContext } from "@/lib/server/services/api/route";
import { PROBLEM_CONTENT_TYPE } from "@/lib/server/infra/http/problem";

export function compatRoute<P>(handler: ApiHandler<P>) {
  const route = apiRoute<P>(handler);
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const response = await route(request, context);
    if (!response.headers.get("content-type")?.startsWith(PROBLEM_CONTENT_TYPE)) return response;
    const body = { success: false, ...((await response.json()) as Record<string, unknown>) };
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  };
}
