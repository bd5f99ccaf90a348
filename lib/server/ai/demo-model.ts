/**
 * The offline demo model, used when no GEMINI_API_KEY is set, so every flow works with no key
 * and no network. Its reply is deterministic (same input, same words), streamed word by word,
 * says plainly that it is a demo, and echoes the role and details it was given, so a person can
 * see the details form reaching "the AI".
 */
import "server-only";
import { AiError } from "@/lib/server/ai/ai-errors";
import { fallbackTitle, type ChatChunk, type ChatModel, type StreamReplyRequest } from "@/lib/server/ai/chat-model";
import { deriveDetailsUpdate } from "@/lib/server/ai/demo-details";
import { deriveChanges, derivePlan } from "@/lib/server/ai/demo-proposals";
import type { Proposal } from "@/lib/server/ai/proposals";
import { readSystemInstruction } from "@/lib/server/ai/system-instruction";
import { estimateTokens } from "@/lib/server/ai/token-budget";
import { describeAttachment } from "@/lib/server/ai/attachment-parts";

export const DEMO_MODEL_ID = "demo";
export const DEMO_MODEL_LABEL = "Demo model";

export interface DemoModelOptions {
  /** Pause between words; 0 streams at once (tests). */
  delayMs?: number;
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(", ");
  return String(value);
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The full demo reply for a request; exported so tests can state exactly what streams. */
export function demoReplyText(request: Pick<StreamReplyRequest, "systemInstruction" | "history" | "tools">): string {
  const { roleName, details } = readSystemInstruction(request.systemInstruction);
  const lastUser = [...request.history].reverse().find((turn) => turn.role === "user");
  const earlier = request.history.length - 1;
  const lines = [
    DEMO_LABEL,
    "",
    roleName ? `I am playing the **${roleName}** role.` : "I was not given a role.",
    !lastUser ? "There is no message to answer." : lastUser.text.trim() ? `You wrote: “${clip(lastUser.text, 120)}”` : "You sent files without a message.",
  ];
  const files = lastUser?.attachments ?? [];
  if (files.length > 0) {
    lines.push("", `You attached ${files.length} file${files.length === 1 ? "" : "s"}:`);
    for (const file of files) lines.push(`- ${describeAttachment(file)}${file.omitted ? " — left out to fit the context budget" : ""}`);
  }
  if (details.length > 0) {
    lines.push("", "The details I was given:");
    for (const entry of details) lines.push(`- ${entry.field}: ${clip(formatValue(entry.value), 80)}`);
  } else {
    lines.push("", "No details were filled in for this chat.");
  }
  lines.push("", `I can see ${earlier} earlier message${earlier === 1 ? "" : "s"} of this conversation.`);
  if (request.tools?.includes("propose_changes")) {
    lines.push("", "To change the project, ask me to “add a task: …” or “rename the project to …”.");
  }
  return lines.join("\n");
}

const DEMO_LABEL = "**Demo reply** — this is ChatCraft's offline demo model, not Gemini. Add GEMINI_API_KEY for real answers.";

type DemoRequest = Pick<StreamReplyRequest, "systemInstruction" | "history" | "tools" | "detailsFields">;

/**
 * The demo's answer to "my age is now 41": a details update, or — when the value does not fit the
 * field — the refusal Gemini's invalid call would end in, after the ordinary reply.
 */
function demoDetailsProposal(request: DemoRequest, userText: string): { text: string; proposal?: Proposal; refused?: AiError } | null {
  if (!request.tools?.includes("propose_details_update") || !request.detailsFields) return null;
  const derived = deriveDetailsUpdate(userText, request.detailsFields);
  if (!derived) return null;
  if ("refused" in derived) return { text: demoReplyText(request), refused: derived.refused };
  const label = request.detailsFields.find((field) => field.key === derived.update.field)?.label ?? derived.update.field;
  return {
    text: `${DEMO_LABEL}\n\nYou told me a new value for **${label}**. Apply the card below to remember it for this role, or dismiss it.`,
    proposal: { kind: "details", update: derived.update },
  };
}

/** The demo's answer when a tool is offered: a proposal derived from the user's words, or none. */
export function demoProposal(request: DemoRequest): { text: string; proposal?: Proposal; refused?: AiError } | null {
  const lastUser = [...request.history].reverse().find((turn) => turn.role === "user");
  if (!lastUser) return null;
  if (request.tools?.includes("propose_plan")) {
    const goal = readSystemInstruction(request.systemInstruction).details.find((entry) => entry.field === "Project goal")?.value;
    const proposal = derivePlan(lastUser.text, typeof goal === "string" ? goal : undefined);
    const count = proposal.kind === "plan" ? proposal.plan.tasks.length : 0;
    return {
      text: `${DEMO_LABEL}\n\nHere is a plan with ${count} task${count === 1 ? "" : "s"}, one for each sentence or bullet you wrote. Untick what you don't need, edit the rest, then create the project.`,
      proposal,
    };
  }
  if (request.tools?.includes("propose_changes")) {
    const proposal = deriveChanges(lastUser.text);
    if (proposal) return { text: `${DEMO_LABEL}\n\nHere is the change you asked for. Apply it to update the board, or dismiss it.`, proposal };
  }
  return demoDetailsProposal(request, lastUser.text);
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new AiError("aborted"));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AiError("aborted"));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

export function createDemoModel(options: DemoModelOptions = {}): ChatModel {
  const delayMs = options.delayMs ?? 25;
  return {
    id: DEMO_MODEL_ID,
    label: DEMO_MODEL_LABEL,
    isDemo: true,
    async *streamReply(request: StreamReplyRequest): AsyncGenerator<ChatChunk> {
      const proposed = demoProposal(request);
      const text = proposed?.text ?? demoReplyText(request);
      // Words keep their trailing whitespace, so the pieces join back to exactly `text`.
      const pieces = text.match(/\S+\s*|\s+/g) ?? [];
      for (const [index, piece] of pieces.entries()) {
        if (request.signal.aborted) throw new AiError("aborted");
        if (index > 0 && delayMs > 0) await wait(delayMs, request.signal);
        yield { type: "text", text: piece };
      }
      if (proposed?.refused) throw proposed.refused;
      if (proposed?.proposal) yield { type: "proposal", proposal: proposed.proposal };
      const inputTokens = estimateTokens(request.systemInstruction) + request.history.reduce((sum, turn) => sum + estimateTokens(turn.text), 0);
      const outputTokens = estimateTokens(text);
      yield { type: "done", finishReason: "STOP", usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens } };
    },
    async generateTitle(firstUser: string): Promise<string> {
      return fallbackTitle(firstUser);
    },
  };
}
