/**
 * A conversation as readable Markdown: the title, role and dates, the details, then each message
 * under its author and time. Message text is Markdown already and is kept as written (code stays
 * fenced); a message whose code fence was never closed gets one, so it cannot swallow the rest.
 */
import "server-only";
import type { ExportedAttachment, ExportedConversation, ExportedMessage } from "@/lib/shared/export/conversation-export";

/** "2026-12-07 16:40 UTC": one unambiguous form, whoever reads the file and wherever. */
export function readableTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function readableSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Markdown that would be taken as markup in a heading or list item is escaped there. */
function inline(text: string): string {
  return text.replace(/\s+/g, " ").replace(/([\\`*_[\]#<>|])/g, "\\$1").trim();
}

function closeOpenFence(text: string): string {
  const fences = text.split("\n").filter((line) => /^\s{0,3}(```|~~~)/.test(line));
  return fences.length % 2 === 1 ? `${text}\n${fences.at(-1)!.trim().slice(0, 3)}` : text;
}

export function markdownHeader(conversation: ExportedConversation, exportedAt: string): string {
  const lines = [
    `# ${inline(conversation.title)}`,
    "",
    `- Role: ${inline(conversation.role.name)}`,
    `- Started: ${readableTime(conversation.createdAt)}`,
    `- Exported: ${readableTime(exportedAt)}`,
  ];
  if (conversation.details.length > 0) {
    lines.push("", "## Details", "", ...conversation.details.map((line) => `- ${inline(line.label)}: ${inline(line.value)}`));
  }
  lines.push("", "## Messages", "");
  return `${lines.join("\n")}\n`;
}

function attachmentLines(attachments: readonly ExportedAttachment[]): string {
  const items = attachments.map((file) => `- ${inline(file.name)} (${file.type}, ${readableSize(file.size)})`);
  return `\n\nAttachments:\n\n${items.join("\n")}`;
}

const STATUS_NOTE: Partial<Record<ExportedMessage["status"], string>> = {
  stopped: " (stopped)",
  error: " (the reply failed)",
  streaming: " (still being written)",
};

export function markdownMessage(message: ExportedMessage, roleName: string): string {
  const when = readableTime(message.timestamp);
  if (message.kind === "notice") return `> _${inline(message.message)}_ — ${when}\n\n`;
  const author = message.sender === "user" ? "You" : `${inline(roleName)} (AI)`;
  const body = message.message.trim() ? closeOpenFence(message.message.trimEnd()) : "_(no text)_";
  const files = message.attachments && message.attachments.length > 0 ? attachmentLines(message.attachments) : "";
  return `### ${author} — ${when}${STATUS_NOTE[message.status] ?? ""}\n\n${body}${files}\n\n`;
}
