/** GET/PATCH/DELETE /api/v1/shares/:id — read a link; update it (a new snapshot, same URL); revoke it. */
import { readJsonBody } from "@/lib/server/infra/http/handler";
import { apiRoute, jsonResponse, noContent } from "@/lib/server/services/api/route";
import { getShare, patchShare, revokeShare } from "@/lib/server/services/sharing/share-service";
import { updateShareBodySchema } from "@/lib/shared/api/shares";

type Params = { shareId: string };

export const GET = apiRoute<Params>(async (_request, { owner }, { shareId }) => jsonResponse(await getShare(owner, shareId)));

export const PATCH = apiRoute<Params>(async (request, { owner }, { shareId }) =>
  jsonResponse(await patchShare(owner, shareId, await readJsonBody(request, updateShareBodySchema))),
);

export const DELETE = apiRoute<Params>(async (_request, { owner }, { shareId }) => {
  await revokeShare(owner, shareId);
  return noContent();
});
