/**
 * Uploads one file to POST /api/v1/attachments (one request per file, so one refused file does
 * not take the others with it). A refusal comes back as the server's own sentence.
 */
import type { MessageAttachment } from "@/lib/shared/attachments/types";
import { codeForStatus, errorMessage } from "@/lib/shared/errors";

export type UploadResult = { ok: true; attachment: MessageAttachment } | { ok: false; message: string };

export async function uploadFile(file: File, conversationId: string, signal?: AbortSignal): Promise<UploadResult> {
  const body = new FormData();
  body.append("file", file, file.name || "pasted-image.png");
  let response: Response;
  try {
    response = await fetch(`/api/v1/attachments?conversationId=${encodeURIComponent(conversationId)}`, { method: "POST", body, signal });
  } catch {
    return { ok: false, message: errorMessage("offline") };
  }
  const answer = (await response.json().catch(() => ({}))) as { attachments?: MessageAttachment[]; detail?: string };
  const attachment = answer.attachments?.[0];
  if (response.ok && attachment) return { ok: true, attachment };
  return { ok: false, message: answer.detail ?? errorMessage(codeForStatus(response.status)) };
}

/** Removes an uploaded file that was not sent (best effort: an orphan is deleted with its conversation). */
export function discardUpload(id: string): void {
  void fetch(`/api/v1/attachments/${encodeURIComponent(id)}`, { method: "DELETE" }).catch(() => undefined);
}
