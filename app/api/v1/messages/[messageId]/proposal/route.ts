/**
 * POST /api/v1/messages/:messageId/proposal — decide a reply's proposal: apply a details update
 * (optionally to the other roles it offers) or dismiss any proposal. Used once; another user's
 * message is 404.
 */
import { readJsonBody } from "@/lib/server/infra/http/handler";
import { apiRoute, jsonResponse } from "@/lib/server/services/api/route";
import { decideProposal } from "@/lib/server/services/roles/details-update-service";
import { proposalDecisionSchema } from "@/lib/shared/api/chat";

type Params = { messageId: string };

export const POST = apiRoute<Params>(async (request, { owner }, { messageId }) => {
  const body = await readJsonBody(request, proposalDecisionSchema);
  return jsonResponse(await decideProposal(owner, messageId, body));
});
