/**
 * Every way a model call can fail, as one typed error with a message a person understands.
 * SDK errors (ApiError with an HTTP status and the google.rpc body as JSON in its message),
 * network failures and aborts are mapped here, in one place; raw causes stay on `cause` for logs.
 */
import "server-only";
import { ApiError } from "@google/genai";
import { errorMessage, type ErrorData, type ReplyErrorCode } from "@/lib/shared/errors";

/** The reply-failure codes a model call can end with (lib/shared/errors.ts has their messages). */
export type AiErrorCode = Exclude<ReplyErrorCode, "incomplete" | "offline">;

export class AiError extends Error {
  readonly code: AiErrorCode;
  /** Seconds to wait before retrying (rate_limited), when the service said. */
  readonly retryAfterSeconds?: number;
  /** HTTP status from the service, when there was one. */
  readonly status?: number;

  constructor(code: AiErrorCode, options: { retryAfterSeconds?: number; status?: number; cause?: unknown; message?: string } = {}) {
    super(options.message ?? errorMessage(code, options.retryAfterSeconds), { cause: options.cause });
    this.name = "AiError";
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.status = options.status;
  }
}

interface GoogleErrorBody {
  error?: { code?: number; message?: string; status?: string; details?: { "@type"?: string; reason?: string; retryDelay?: string }[] };
}

function parseErrorBody(message: string): GoogleErrorBody | undefined {
  const start = message.indexOf("{");
  if (start === -1) return undefined;
  try {
    return JSON.parse(message.slice(start)) as GoogleErrorBody;
  } catch {
    return undefined;
  }
}

/** "20s", "1.5s" → whole seconds, rounded up. */
function parseDuration(value: string | undefined): number | undefined {
  const match = value ? /^(\d+(?:\.\d+)?)s$/.exec(value.trim()) : null;
  return match ? Math.max(1, Math.ceil(Number(match[1]))) : undefined;
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Math.max(1, Number(trimmed));
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(1, Math.ceil((date - now) / 1000));
}

function isAbort(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  return error instanceof Error && error.name === "AbortError";
}

const NETWORK_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

function isNetwork(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && NETWORK_CODES.has(code)) return true;
    // undici: "fetch failed" / "terminated"; the SDK: a stream that ends inside a JSON event.
    if (/fetch failed|terminated|socket|Incomplete JSON segment|exception parsing stream chunk|network/i.test(current.message)) return true;
  }
  return false;
}

function fromStatus(status: number, message: string, retryAfterHeader: string | null | undefined, cause: unknown): AiError {
  const body = parseErrorBody(message)?.error;
  const details = body?.details ?? [];
  const keyInvalid = details.some((detail) => detail.reason === "API_KEY_INVALID") || /API key not valid|API_KEY_INVALID/i.test(message);
  if (status === 401 || status === 403 || (status === 400 && keyInvalid)) return new AiError("invalid_key", { status, cause });
  if (status === 429) {
    const retryInfo = details.find((detail) => detail["@type"]?.endsWith("google.rpc.RetryInfo"));
    const retryAfterSeconds = parseRetryAfter(retryAfterHeader) ?? parseDuration(retryInfo?.retryDelay);
    return new AiError("rate_limited", { status, retryAfterSeconds, cause });
  }
  if (status >= 500) return new AiError("overloaded", { status, cause });
  if (status === 408) return new AiError("network", { status, cause });
  return new AiError("unknown", { status, cause });
}

export interface AiErrorContext {
  /** The request's signal: if it fired, whatever was thrown is an abort. */
  signal?: AbortSignal;
  /** The Retry-After header of the failed response, when the caller could see it. */
  retryAfterHeader?: string | null;
}

export function toAiError(error: unknown, context: AiErrorContext = {}): AiError {
  if (error instanceof AiError) return error;
  if (isAbort(error, context.signal)) return new AiError("aborted", { cause: error });
  if (error instanceof ApiError || (error instanceof Error && error.name === "ApiError" && typeof (error as { status?: unknown }).status === "number")) {
    return fromStatus((error as ApiError).status, error.message, context.retryAfterHeader, error);
  }
  if (isNetwork(error)) return new AiError("network", { cause: error });
  return new AiError("unknown", { cause: error });
}

/** Plain data for an API response or a stream event; anything not an AiError is mapped first. */
export function describeAiError(thrown: unknown): ErrorData & { code: AiErrorCode } {
  const error = toAiError(thrown);
  return { code: error.code, message: error.message, ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}) };
}
