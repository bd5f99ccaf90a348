/**
 * The model's context with the files its turns carry. The newest user message's files are
 * reserved room first (up to half the budget); the text is then chosen as before (selectContext);
 * whatever budget is left goes to the other files, newest first — so when the budget is tight,
 * older files are dropped before older text, and a dropped file is named to the model and to the
 * person (attachment-parts.ts). Images and PDFs go inline, read from GridFS, while they fit
 * GEMINI_INLINE_MAX_BYTES (Gemini refuses a request over 20 MB); the rest go through the model's
 * Files API, uploaded once and reused while Gemini keeps them. Text files go as text.
 */
import "server-only";
import { attachmentTokens, type TurnAttachment } from "@/lib/server/ai/attachment-parts";
import { messageTokens, truncateToTokens } from "@/lib/server/ai/token-budget";
import type { ChatModel, ChatTurn } from "@/lib/server/ai/chat-model";
import { cachedRemoteCopy, readAttachmentBytes, rememberRemoteCopy } from "@/lib/server/services/attachments/attachment-service";
import { contextFrom } from "@/lib/server/services/chat/context";
import { getEnv } from "@/lib/server/infra/env";
import { logger } from "@/lib/server/infra/log";
import { isTextMime } from "@/lib/shared/attachments/types";
import type { Owner } from "@/models/conversations";
import type { MessageDoc } from "@/models/messages";

/** How a kept file travels: in the request, or as a Files API reference. */
type Transport = "inline" | "remote";

function latestFilesCost(recent: readonly MessageDoc[]): number {
  const latest = [...recent].reverse().find((doc) => doc.sender === "user" && doc.kind !== "notice");
  return (latest?.attachments ?? []).reduce((sum, ref) => sum + attachmentTokens(ref), 0);
}

/**
 * Marks each file kept or left out, newest first, within `room` tokens; a kept image or PDF goes
 * inline while the inline bytes allow, else through the Files API (when the model has one).
 */
function allot(turns: ChatTurn[], room: number, canUpload: boolean): Map<TurnAttachment, Transport> {
  const kept = new Map<TurnAttachment, Transport>();
  let tokens = room;
  let bytes = getEnv().GEMINI_INLINE_MAX_BYTES;
  for (const turn of [...turns].reverse()) {
    for (const file of turn.attachments ?? []) {
      const cost = attachmentTokens(file);
      const inline = isTextMime(file.mime) || file.size <= bytes;
      if (cost > tokens || (!inline && !canUpload)) {
        file.omitted = true;
        continue;
      }
      tokens -= cost;
      if (inline && !isTextMime(file.mime)) bytes -= file.size;
      kept.set(file, inline ? "inline" : "remote");
    }
  }
  return kept;
}

/** The file's Files API URI: the cached one, or a new upload (remembered for later turns). */
async function remoteUri(owner: Owner, file: TurnAttachment & { id: string }, model: ChatModel): Promise<string> {
  const cached = await cachedRemoteCopy(owner, file.id);
  if (cached) return cached;
  // The SDK uploads from a Blob: the file is held once, bounded by ATTACHMENT_MAX_FILE_BYTES.
  const copy = await model.uploadFile!({ bytes: await readAttachmentBytes(owner, file.id), mimeType: file.mime, displayName: file.name });
  await rememberRemoteCopy(owner, file.id, copy);
  return copy.uri;
}

async function load(owner: Owner, file: TurnAttachment, transport: Transport, model: ChatModel): Promise<void> {
  if (!file.id) return;
  const stored = { ...file, id: file.id };
  if (transport === "remote") {
    try {
      file.fileUri = await remoteUri(owner, stored, model);
    } catch (error) {
      // A failed upload costs the file, not the reply: it is named as left out, like a file over the budget.
      logger().warn({ err: error, attachmentId: file.id }, "file upload to the model failed; left out");
      file.omitted = true;
    }
    return;
  }
  const bytes = await readAttachmentBytes(owner, file.id);
  if (isTextMime(file.mime)) file.text = truncateToTokens(bytes.toString("utf8"), attachmentTokens(file));
  else file.data = bytes.toString("base64");
}

/** The context with files; for the demo model (no bytes read) it only decides what fits. */
export async function contextWithFiles(owner: Owner, recent: MessageDoc[], reservedTokens: number, model: ChatModel): Promise<ChatTurn[]> {
  const budget = Math.max(1, getEnv().CHAT_CONTEXT_TOKEN_BUDGET - reservedTokens);
  const forLatest = Math.min(latestFilesCost(recent), Math.floor(budget / 2));
  const turns = contextFrom(recent, reservedTokens + forLatest).map((turn) => ({ ...turn, attachments: turn.attachments?.map((file) => ({ ...file })) }));
  const textTokens = turns.reduce((sum, turn) => sum + messageTokens(turn), 0);
  // The demo model reads no bytes, so any size "fits"; Gemini uploads what cannot go inline.
  const kept = allot(turns, budget - textTokens, model.isDemo || Boolean(model.uploadFile));
  if (!model.isDemo) await Promise.all([...kept].map(([file, transport]) => load(owner, file, transport, model)));
  return turns;
}
