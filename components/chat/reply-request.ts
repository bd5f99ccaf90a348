/**
 * Starts a reply on the streaming route. A refusal before streaming (problem+json: invalid text,
 * not found, rate limited) comes back as a typed value, not an exception, so the composer can
 * keep the typed text and show the reason.
 */
import type { z } from "zod";
import { problemSchema } from "@/lib/shared/api/common";
import type { ReplyRequest } from "@/lib/shared/chat/types";
import { codeForStatus, errorMessage, type ErrorData, type FieldErrors } from "@/lib/shared/errors";

export interface ReplyRefusal extends ErrorData {
  status: number;
}

export type ReplyStart = { ok: true; body: ReadableStream<Uint8Array> } | { ok: false; refusal: ReplyRefusal };

/** The problem+json fields the composer reads (lib/server/infra/http/problem.ts writes them); any may be missing. */
const problemBodySchema = problemSchema.pick({ detail: true, code: true, retryAfterSeconds: true, errors: true }).partial();
type ProblemBody = z.infer<typeof problemBodySchema>;

function firstFieldError(errors: FieldErrors | undefined): string | undefined {
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

  // Not JSON, or not ours (e.g. a proxy error page): the status decides the code below.
  const parsed = problemBodySchema.safeParse(await response.json().catch(() => null));
  const problem: ProblemBody = parsed.success ? parsed.data : {};
  const header = Number(response.headers.get("retry-after"));
  const retryAfterSeconds = problem.retryAfterSeconds ?? (Number.isFinite(header) && header > 0 ? header : undefined);
  const code = problem.code ?? codeForStatus(response.status);
  return {
    ok: false,
    refusal: {
      status: response.status,
      code,
      // The server's own words for the code; the shared table only when it sent none.
      message: firstFieldError(problem.errors) ?? problem.detail ?? errorMessage(code, retryAfterSeconds),
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    },
  };
}
