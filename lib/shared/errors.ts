/**
 * One error type for everything the app refuses on purpose. The code says what went wrong in
 * a form the API, server actions and the UI share; `httpStatus()` maps it to HTTP in one place.
 */

/** "<kind>" or "<kind>:<subject>", e.g. "not_found:conversation", "rate_limited:auth". */
export type ErrorKind =
  | "invalid"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unprocessable"
  | "unsupported_media_type"
  | "rate_limited"
  | "unavailable"
  | "internal";

export type ErrorCode = ErrorKind | `${ErrorKind}:${string}`;

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

const TITLE: Record<ErrorKind, string> = {
  invalid: "Invalid request",
  unauthorized: "Authentication required",
  forbidden: "Forbidden",
  not_found: "Not found",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  unprocessable: "Unprocessable request",
  unsupported_media_type: "Unsupported media type",
  rate_limited: "Too many requests",
  unavailable: "Service unavailable",
  internal: "Internal server error",
};

/** Field name → messages, as zod's flattened field errors. */
export type FieldErrors = Record<string, string[]>;

export interface AppErrorOptions {
  /** Per-field messages (shown beside the form field; `errors` in problem+json). */
  fields?: FieldErrors;
  /** Seconds until a rate-limited caller may retry. */
  retryAfterS?: number;
  /** The underlying error; logged, never shown to users. */
  cause?: unknown;
}

export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  readonly retryAfterS?: number;

  constructor(code: ErrorCode, message?: string, options: AppErrorOptions = {}) {
    super(message ?? defaultMessage(code), { cause: options.cause });
    this.code = code;
    this.fields = options.fields;
    this.retryAfterS = options.retryAfterS;
  }

  get kind(): ErrorKind {
    return errorKind(this.code);
  }

  get status(): number {
    return httpStatus(this.code);
  }
}

export function errorKind(code: ErrorCode): ErrorKind {
  return code.split(":", 1)[0] as ErrorKind;
}

export function httpStatus(code: ErrorCode): number {
  return STATUS[errorKind(code)] ?? 500;
}

export function errorTitle(code: ErrorCode): string {
  return TITLE[errorKind(code)] ?? TITLE.internal;
}

function defaultMessage(code: ErrorCode): string {
  const [kind, subject] = code.split(":", 2) as [ErrorKind, string | undefined];
  if (kind === "not_found" && subject) return `The ${subject.replace(/_/g, " ")} was not found.`;
  return TITLE[kind] ?? TITLE.internal;
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Message shown to users when we are rate limited: says when to retry. */
export function retryMessage(retryAfterS: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterS));
  return `Too many attempts. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
}
