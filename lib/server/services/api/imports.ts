/**
 * The import endpoints' work: POST streams the upload and answers 202 with the queued job;
 * GET reads one job of the caller's (another user's id is 404, like an unknown one).
 */
import "server-only";
import { foreignOriginReason } from "@/lib/server/infra/http/server-action-guard";
import type { ApiCaller } from "@/lib/server/services/api/authenticate";
import { jsonResponse } from "@/lib/server/services/api/route";
import { assertNoActiveImport, requireImportJob, toImportJobDTO } from "@/lib/server/services/import/import-service";
import { startImportFromUpload } from "@/lib/server/services/import/upload";
import { AppError } from "@/lib/shared/errors";

export async function postImport(request: Request, caller: ApiCaller): Promise<Response> {
  // A cookie-authenticated upload must come from our own pages (a token is not sent by browsers on its own).
  if (!caller.token && foreignOriginReason(request.headers)) throw new AppError("forbidden:origin", "Imports may only be started from this site's own pages.");
  // Refused before the body is read: a second file would only wait for the first.
  await assertNoActiveImport(caller.owner);
  const job = await startImportFromUpload(caller.owner, request);
  return jsonResponse({ job: toImportJobDTO(job) }, { status: 202, headers: { location: `/api/v1/imports/${job._id.toHexString()}` } });
}

export async function getImport(caller: ApiCaller, id: string): Promise<Response> {
  return jsonResponse({ job: toImportJobDTO(await requireImportJob(caller.owner, id)) });
}
