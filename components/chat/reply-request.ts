/**
 * Starts a reply on the streaming route. A refusal before streaming (problem+json: invalid text,
 * not found, rate limited) comes back as a typed value, not an exception, so the composer can
 * keep the typed text and show the reason.
 */
import type { ReplyRequest } from "@/lib/shared/chat/types";

export interface ReplyRefusal {
  status: number;
  code: string;
  message: string;
  retryAfterSeconds?: number;
}

export type ReplyStart = { ok: true; body: ReadableStream<Uint8Array> } | { ok: false; refusal: ReplyRefusal };

interface ProblemBody {
  title?: string;
  detail?: string;
  code?: string;
  retryAfterS?: number;
  errors?: Record<string, string[]>;
}

function firstFieldError(errors: Record<string, string[]> | undefined): string | undefined {
  if (!errors) return undefined;
  return Object.values(errors).find((messages) => messages.length > 0)?.[0];
}

export async function startReply(conversationId: string, request: ReplyRequest, signal: AbortSignal): Promise<ReplyStart> {
  const response = await fetch(`/api/chat/${encodeURIComponent(conversationId)}/reply`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/x-ndjson" },
    body: JSON.stringify(request),
    signal,
  });
  if (response.ok && response.body) return { ok: true, body: response.body };

  let problem: ProblemBody = {};
  try {
    problem = (await response.json()) as ProblemBody;
  } catch {
    // Not JSON (e.g. a proxy error page): fall back to the status below.
  }
  const header = Number(response.headers.get("retry-after"));
  const retryAfterSeconds = problem.retryAfterS ?? (Number.isFinite(header) && header > 0 ? header : undefined);
  return {
    ok: false,
    refusal: {
      status: response.status,
      code: problem.code ?? `http_${response.status}`,
      message:
        firstFieldError(problem.errors) ??
        problem.detail ??
        problem.title ??
        (response.status === 401 ? "Your session has ended. Sign in again." : "The reply could not be started. Try again."),
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    },
  };
}
