/**
 * The model's context with the files its turns carry. The newest user message's files are
 * reserved room first (up to half the budget); the text is then chosen as before (selectContext);
 * whatever budget is left goes to the other files, newest first — so when the budget is tight,
 * older files are dropped before older text, and a dropped file is named to the model and to the
 * person (attachment-parts.ts). Images and PDFs go inline, read from GridFS; text files as text.
 */
import "server-only";
import { attachmentTokens, type TurnAttachment } from "@/lib/server/ai/attachment-parts";
import { messageTokens, truncateToTokens } from "@/lib/server/ai/token-budget";
import type { ChatTurn } from "@/lib/server/ai/chat-model";
import { readAttachmentBytes } from "@/lib/server/services/attachments/attachment-service";
import { contextFrom } from "@/lib/server/services/chat/context";
import { getEnv } from "@/lib/server/infra/env";
import { isTextMime } from "@/lib/shared/attachments/types";
import type { Owner } from "@/models/conversations";
import type { MessageDoc } from "@/models/messages";

/** Gemini refuses a request over 20 MB; inline files stay well under it (the Files API is not used yet). */
export const MAX_INLINE_BYTES = 15 * 1024 * 1024;

function latestFilesCost(recent: readonly MessageDoc[]): number {
  const latest = [...recent].reverse().find((doc) => doc.sender === "user" && doc.kind !== "notice");
  return (latest?.attachments ?? []).reduce((sum, ref) => sum + attachmentTokens(ref), 0);
}

/** Marks each file kept or left out, newest first, within `room` tokens and the inline byte cap. */
function allot(turns: ChatTurn[], room: number): TurnAttachment[] {
  const kept: TurnAttachment[] = [];
  let tokens = room;
  let bytes = MAX_INLINE_BYTES;
  for (const turn of [...turns].reverse()) {
    for (const file of turn.attachments ?? []) {
      const cost = attachmentTokens(file);
      const inline = isTextMime(file.mime) ? 0 : file.size;
      if (cost > tokens || inline > bytes) {
        file.omitted = true;
        continue;
      }
      tokens -= cost;
      bytes -= inline;
      kept.push(file);
    }
  }
  return kept;
}

async function load(owner: Owner, file: TurnAttachment): Promise<void> {
  if (!file.id) return;
  const bytes = await readAttachmentBytes(owner, file.id);
  if (isTextMime(file.mime)) file.text = truncateToTokens(bytes.toString("utf8"), attachmentTokens(file));
  else file.data = bytes.toString("base64");
}

/** The context with files; `withBytes` false (the demo model) decides what fits without reading them. */
export async function contextWithFiles(owner: Owner, recent: MessageDoc[], reservedTokens: number, withBytes: boolean): Promise<ChatTurn[]> {
  const budget = Math.max(1, getEnv().CHAT_CONTEXT_TOKEN_BUDGET - reservedTokens);
  const forLatest = Math.min(latestFilesCost(recent), Math.floor(budget / 2));
  const turns = contextFrom(recent, reservedTokens + forLatest).map((turn) => ({ ...turn, attachments: turn.attachments?.map((file) => ({ ...file })) }));
  const textTokens = turns.reduce((sum, turn) => sum + messageTokens(turn), 0);
  const kept = allot(turns, budget - textTokens);
  if (withBytes) await Promise.all(kept.map((file) => load(owner, file)));
  return turns;
}

