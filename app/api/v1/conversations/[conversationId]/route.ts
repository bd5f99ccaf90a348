/** GET/PATCH/DELETE /api/v1/conversations/:id — one conversation; PATCH renames it. */
import { apiRoute, jsonResponse, noContent } from "@/lib/server/services/api/route";
import { renameConversationSchema } from "@/lib/shared/api/chat";
import { deleteConversation, renameConversation, requireConversation } from "@/lib/server/services/chat/conversation-service";
import { toConversationDTO } from "@/lib/server/services/chat/dto";
import { readJsonBody } from "@/lib/server/infra/http/handler";

type Params = { conversationId: string };

export const GET = apiRoute<Params>(async (_request, { owner }, { conversationId }) =>
  jsonResponse(toConversationDTO(await requireConversation(owner, conversationId))),
);

export const PATCH = apiRoute<Params>(async (request, { owner }, { conversationId }) => {
  const body = await readJsonBody(request, renameConversationSchema);
  await renameConversation(owner, conversationId, body.title);
  return jsonResponse(toConversationDTO(await requireConversation(owner, conversationId)));
});

export const DELETE = apiRoute<Params>(async (_request, { owner }, { conversationId }) => {
  await deleteConversation(owner, conversationId);
  return noContent();
});
