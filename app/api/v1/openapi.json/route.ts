/** GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the handlers' zod schemas. */
import { openApiDocument } from "@/lib/server/services/api/openapi";
import { jsonResponse } from "@/lib/server/services/api/route";
import { withApiErrors } from "@/lib/server/infra/http/handler";

export const GET = withApiErrors(async () => jsonResponse(openApiDocument()));
