/**
 * GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the handlers' zod schemas.
 * Public (lib/shared/auth/route-rules.ts lets it past the proxy without a session or token): it
 * holds no user data, so it is cacheable, with an ETag for conditional requests.
 */
import { OPENAPI_CACHE_CONTROL, openApiJson } from "@/lib/server/services/api/openapi";
import { withApiErrors } from "@/lib/server/infra/http/handler";

export const GET = withApiErrors(async (request: Request) => {
  const { body, etag } = openApiJson();
  const headers = { "cache-control": OPENAPI_CACHE_CONTROL, etag };
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag || tag.trim() === "*")) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
});
