/**
 * POST /api/v1/imports — import a ChatGPT or Claude conversations.json, or a ChatCraft export
 * (multipart/form-data: `file`, optional `roleId`), answered 202 with a job to poll. This path is
 * kept out of proxy.ts's matcher, so Next.js does not buffer (and cut) the body; apiRoute
 * authenticates it.
 */
import { postImport } from "@/lib/server/services/api/imports";
import { apiRoute } from "@/lib/server/services/api/route";

export const POST = apiRoute(async (request, caller) => postImport(request, caller));
