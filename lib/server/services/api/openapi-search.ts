/** GET /api/v1/search in the OpenAPI document, from the schemas the route validates and answers with. */
import "server-only";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { json, op, problem } from "@/lib/server/services/api/openapi-parts";
import { searchParamsSchema, searchResultSchema } from "@/lib/shared/search/schemas";

const DESCRIPTION = [
  "One query over your messages, conversation titles, project names and descriptions, and task titles and notes.",
  'Words must all match (stemmed: `invest` finds "investing"), `"exact phrases"` must appear, `-word` and `-"phrase"` leave results out;',
  "case and accents are ignored. Results are grouped by conversation or project, best match first (newest first among equals),",
  "with snippets whose matched words are marked. Facets narrow by role, project, sender (`user` = me, `ai`), date range and task status.",
  "Page with `cursor` (the previous answer's `nextCursor`).",
].join(" ");

export function searchPaths(): ZodOpenApiPathsObject {
  return {
    "/api/v1/search": {
      get: op("Search everything you wrote and were told", ["Search"], {
        description: DESCRIPTION,
        requestParams: { query: searchParamsSchema },
        responses: { "200": json(searchResultSchema), "429": problem("Too many searches; retry after Retry-After seconds.") },
      }),
    },
  };
}
