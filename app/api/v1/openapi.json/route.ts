/** GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the handlers' zod schemas. */
import { openApiDocument } from "@/lib/api/openapi";
import { jsonResponse } from "@/lib/api/route";
import { withApiErrors } from "@/lib/http/handler";

export const GET = withApiErrors(async () => jsonResponse(openApiDocument()));
