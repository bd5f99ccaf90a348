/**
 * Idempotency-Key for creating POSTs. The key is claimed (a unique insert) before any work, so
 * of two identical requests in parallel exactly one runs; the other gets 409 until the first is
 * done, and afterwards every retry gets the first answer. The same key with another request
 * (method, path or body) is 422. Errors are not remembered: a failed request created nothing,
 * so its retry simply runs again.
 */
import "server-only";
import { createHash } from "node:crypto";
import type { ApiCaller } from "@/lib/server/services/api/authenticate";
import { AppError } from "@/lib/shared/errors";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
  type StoredResult,
} from "@/models/idempotency-keys";

export const IDEMPOTENCY_HEADER = "idempotency-key";
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** JSON with object keys sorted, so {a,b} and {b,a} are the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export interface IdempotencyClaim {
  complete(result: StoredResult): Promise<void>;
  release(): Promise<void>;
}

export type IdempotencyStart = { kind: "none" } | { kind: "claimed"; claim: IdempotencyClaim } | { kind: "replay"; result: StoredResult };

/** The client's key, checked (400 when malformed), or null when the request has none. */
export function idempotencyKeyOf(request: Request): string | null {
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  if (key === null) return null;
  if (!KEY_PATTERN.test(key)) {
    throw new AppError("invalid:idempotency_key", "Idempotency-Key must be 1–255 visible ASCII characters.", {
      fields: { "Idempotency-Key": ["Use 1–255 visible ASCII characters, e.g. a UUID."] },
    });
  }
  return key;
}

/** Claims the key for this request, or says what the first request with it answered. */
export async function startIdempotent(request: Request, caller: ApiCaller, body: unknown): Promise<IdempotencyStart> {
  const key = idempotencyKeyOf(request);
  if (key === null) return { kind: "none" };
  const { owner } = caller;
  const id = `${owner.toHexString()}:${sha256(key)}`;
  const requestHash = sha256(`${request.method} ${new URL(request.url).pathname}\n${canonicalJson(body)}`);
  const outcome = await claimIdempotencyKey(owner, id, requestHash);
  if (outcome.claimed) {
    return {
      kind: "claimed",
      claim: {
        complete: (result) => completeIdempotencyKey(owner, id, result),
        release: () => releaseIdempotencyKey(owner, id),
      },
    };
  }
  const { existing } = outcome;
  if (existing.requestHash !== requestHash) {
    throw new AppError("unprocessable:idempotency_key", "This Idempotency-Key was already used for a different request.");
  }
  if (existing.state !== "done" || !existing.result) {
    throw new AppError("conflict:idempotency_in_progress", "A request with this Idempotency-Key is still running. Retry shortly.", {
      retryAfterSeconds: 1,
    });
  }
  return { kind: "replay", result: existing.result };
}

/** A stored answer as a response, marked as a replay. */
export function replayResponse(result: StoredResult): Response {
  return new Response(result.body, {
    status: result.status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "idempotent-replayed": "true" },
  });
}

/**
 * For creates that answer with one JSON body: runs `create` at most once per key and stores its
 * answer. Anything thrown frees the key (nothing was created) and propagates.
 */
export async function idempotentJson(
  request: Request,
  caller: ApiCaller,
  body: unknown,
  create: () => Promise<{ status: number; data: unknown }>,
): Promise<Response> {
  const start = await startIdempotent(request, caller, body);
  if (start.kind === "replay") return replayResponse(start.result);
  let result: { status: number; data: unknown };
  try {
    result = await create();
  } catch (error) {
    if (start.kind === "claimed") await start.claim.release();
    throw error;
  }
  const text = JSON.stringify(result.data);
  if (start.kind === "claimed") await start.claim.complete({ status: result.status, body: text });
  return new Response(text, { status: result.status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });
}
