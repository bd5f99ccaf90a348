/**
 * The attachment endpoints' work: upload (multipart, streamed into GridFS), the owner's listing,
 * and downloads served so a stored file can never run as a page on our origin — an explicit
 * type, `nosniff`, a sandboxing CSP, and `Content-Disposition: attachment` for everything but
 * the images we re-encoded ourselves.
 */
import "server-only";
import { Readable } from "node:stream";
import { AppError } from "@/lib/shared/errors";
import { isImageMime, isTextMime } from "@/lib/shared/attachments/types";
import { DOWNLOAD_CSP } from "@/lib/server/infra/http/download-policy";
import { foreignOriginReason } from "@/lib/server/infra/http/server-action-guard";
import type { ApiCaller } from "@/lib/server/services/api/authenticate";
import { jsonResponse } from "@/lib/server/services/api/route";
import { openAttachment, storageUsage, toAttachmentDTO } from "@/lib/server/services/attachments/attachment-service";
import { storeUploads } from "@/lib/server/services/attachments/multipart";
import { requireConversation } from "@/lib/server/services/chat/conversation-service";
import { listAttachments } from "@/models/attachments";


export async function uploadAttachments(request: Request, caller: ApiCaller, conversationId?: string): Promise<Response> {
  // A cookie-authenticated upload must come from our own pages (a token is not sent by browsers on its own).
  if (!caller.token) {
    const foreign = foreignOriginReason(request.headers);
    if (foreign) throw new AppError("forbidden:origin", "Uploads may only come from this site's own pages.");
  }
  const conversation = conversationId ? await requireConversation(caller.owner, conversationId) : undefined;
  const docs = await storeUploads(caller.owner, request, conversation?._id);
  return jsonResponse({ attachments: docs.map(toAttachmentDTO) }, { status: 201 });
}

export async function listAttachmentsFor(caller: ApiCaller, limit: number): Promise<Response> {
  const [docs, usage] = await Promise.all([listAttachments(caller.owner, limit), storageUsage(caller.owner)]);
  return jsonResponse({ items: docs.map(toAttachmentDTO), usage });
}

/** RFC 6266 / 8187: an ASCII fallback and the UTF-8 name. */
function disposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function downloadResponse(caller: ApiCaller, id: string, variant: "original" | "thumbnail"): Promise<Response> {
  const { file, mime, stream } = await openAttachment(caller.owner, id, variant);
  const headers = new Headers({
    "content-type": isTextMime(mime) ? `${mime}; charset=utf-8` : mime,
    "content-disposition": disposition(isImageMime(mime) ? "inline" : "attachment", variant === "thumbnail" ? `thumbnail-${file.filename}.webp` : file.filename),
    "x-content-type-options": "nosniff",
    "content-security-policy": DOWNLOAD_CSP,
    "cross-origin-resource-policy": "same-origin",
    // One user's file: never in a shared cache; a stored file never changes under its id.
    "cache-control": "private, max-age=3600",
  });
  if (variant === "original") headers.set("content-length", String(file.length));
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status: 200, headers });
}
