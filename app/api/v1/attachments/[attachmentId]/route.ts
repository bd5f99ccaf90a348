/** GET /api/v1/attachments/:id — the file's details; DELETE — remove a file not yet sent. */
import { deletePendingAttachment, requireAttachment, toAttachmentDTO } from "@/lib/server/services/attachments/attachment-service";
import { apiRoute, jsonResponse, noContent } from "@/lib/server/services/api/route";

type Params = { attachmentId: string };

export const GET = apiRoute<Params>(async (_request, { owner }, { attachmentId }) => jsonResponse(toAttachmentDTO(await requireAttachment(owner, attachmentId))));

export const DELETE = apiRoute<Params>(async (_request, { owner }, { attachmentId }) => {
  await deletePendingAttachment(owner, attachmentId);
  return noContent();
});
