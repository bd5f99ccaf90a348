/** GET /api/v1/search?q=… — the caller's messages, conversations, projects and tasks that match, grouped and faceted. */
import { apiRoute, jsonResponse } from "@/lib/server/services/api/route";
import { search } from "@/lib/server/services/search/search-service";
import { parseQuery } from "@/lib/shared/api/common";
import { searchParamsSchema } from "@/lib/shared/search/schemas";

export const GET = apiRoute(async (request, { owner }) => {
  const params = parseQuery(request, searchParamsSchema);
  return jsonResponse(await search(owner, params));
});
