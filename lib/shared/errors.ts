/**
 * The app's one error vocabulary, from the database to the screen: every code it answers with,
 * the HTTP status each maps to and the message a person sees. Browser-safe, so the server's
 * AppError, problem+json bodies, server-action results, stream events and the client's own
 * messages all read from this one table and never restate it.
 */

export const ERROR_KINDS = [
  "invalid",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "payload_too_large",
  "unprocessable",
  "unsupported_media_type",
  "rate_limited",
  "unavailable",
  "internal",
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

const KINDS: Record<ErrorKind, { status: number; title: string }> = {
  invalid: { status: 400, title: "Invalid request" },
  unauthorized: { status: 401, title: "Authentication required" },
  forbidden: { status: 403, title: "Forbidden" },
  not_found: { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Conflict" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  unprocessable: { status: 422, title: "Unprocessable request" },
  rate_limited: { status: 429, title: "Too many requests" },
  unavailable: { status: 503, title: "Service unavailable" },
  internal: { status: 500, title: "Internal server error" },
};

export const SESSION_ENDED_MESSAGE = "Your session has ended. Sign in again to continue.";
const TRY_AGAIN = "Something went wrong on our side. Try again.";

/**
 * Codes of requests the app refuses, "<kind>" or "<kind>:<subject>", with their default message
 * (a throw site may say more, e.g. which field; the default is what a stored code reads as).
 */
const REQUEST_ERRORS = {
  invalid: "The request is not valid.",
  "invalid:action_body": "The request body could not be read.",
  "invalid:attachment": "The file could not be read.",
  "invalid:attachment_count": "Too many files for one message.",
  "invalid:attachment_empty": "The file is empty.",
  "invalid:attachment_stalled": "The upload stopped sending data. Try again.",
  "invalid:changes": "The changes are not valid.",
  "invalid:current_password": "Current password is incorrect.",
  "invalid:cursor": "cursor is not valid.",
  "invalid:details": "Some details are not valid.",
  "invalid:edit": "Only your own messages can be edited.",
  "invalid:idempotency_key": "The Idempotency-Key header is not valid.",
  "invalid:input": "The request has invalid fields.",
  "invalid:json": "The request body is not valid JSON.",
  "invalid:message": "Type a message.",
  "invalid:move": "The move is not valid.",
  "invalid:path": "The path is not valid.",
  "invalid:plan": "The plan is not valid.",
  "invalid:project": "The project is not valid.",
  "invalid:regenerate": "There is no reply to regenerate.",
  "invalid:report": "The report is not valid.",
  "invalid:search": "Type a word to search for.",
  "invalid:share": "The share settings are not valid.",
  "invalid:status": "The status is not valid.",
  "invalid:task": "The task is not valid.",
  "invalid:title": "Enter a title.",
  "invalid:import_file": "Choose a conversations.json (ChatGPT or Claude) or a ChatCraft export to import.",
  unauthorized: SESSION_ENDED_MESSAGE,
  "unauthorized:credentials": "Invalid username/email or password",
  "unauthorized:metrics": "A valid metrics token is required.",
  "unauthorized:token": "The API token is not valid.",
  forbidden: "You cannot do that.",
  "forbidden:origin": "This request came from another site.",
  "forbidden:scope": "This token is read-only.",
  not_found: "Not found.",
  "not_found:conversation": "The conversation was not found.",
  "not_found:message": "The message was not found.",
  "not_found:attachment": "The attachment was not found.",
  "not_found:project": "The project was not found.",
  "not_found:proposal": "The proposal was not found.",
  "not_found:role": "The role was not found.",
  "not_found:session": "The session was not found.",
  "not_found:share": "The shared link was not found.",
  "not_found:task": "The task was not found.",
  "not_found:token": "The token was not found.",
  "not_found:user": "The user was not found.",
  "not_found:import": "The import was not found.",
  conflict: "That conflicts with the current state. Reload and try again.",
  "conflict:edit": "This reply's proposal was already used. Send a new message instead.",
  "conflict:attachment_used": "That file is already attached to a message.",
  "conflict:email": "That email is already registered.",
  "conflict:idempotency_in_progress": "A request with this Idempotency-Key is still running.",
  "conflict:project_limit": "You have reached the limit of projects.",
  "conflict:proposal": "This proposal was already used.",
  "conflict:regenerate": "This reply's proposal was already used. Send a new message instead.",
  "conflict:role": "A role with that name already exists.",
  "conflict:role_limit": "You have reached the limit of custom roles.",
  "conflict:share_limit": "You have reached the limit of shared links. Revoke one first.",
  "conflict:task_limit": "This project has reached its limit of tasks.",
  "conflict:token_limit": "You have reached the limit of API tokens.",
  "conflict:username": "That username is taken.",
  "conflict:import_running": "An import is already running. Wait for it to finish, then import the next file.",
  payload_too_large: "The request is too large.",
  "payload_too_large:attachment": "The file is larger than the limit.",
  "payload_too_large:attachment_quota": "You have used all your file storage. Delete some conversations with files to make room.",
  "payload_too_large:import": "The file is larger than the import limit.",
  unprocessable: "The request could not be processed.",
  "unprocessable:idempotency_key": "This Idempotency-Key was used with a different request.",
  "unprocessable:attachment_corrupt": "The file is damaged or incomplete.",
  "unprocessable:attachment_pixels": "The image has too many pixels.",
  "unprocessable:attachment_type": "The file's contents do not match its type.",
  "unprocessable:import_format": "This file is not a ChatGPT or Claude conversations.json, nor a ChatCraft export.",
  "unprocessable:import_malformed": "The file is not valid JSON.",
  "unprocessable:import_truncated": "The file ends in the middle of a conversation: it looks cut off. Download the export again and import the whole file.",
  unsupported_media_type: "Send the request body as application/json.",
  "unsupported_media_type:attachment": "This type of file cannot be attached. Attach an image (PNG, JPEG, WebP, GIF), a PDF, or a text, Markdown or CSV file.",
  "unsupported_media_type:multipart": "Send the files as multipart/form-data.",
  rate_limited: "Too many requests. Try again in a minute.",
  "rate_limited:auth": "Too many attempts. Try again in a minute.",
  "rate_limited:chat": "You are sending messages too fast. Try again in a minute.",
  "rate_limited:search": "You are searching too fast. Try again in a minute.",
  "rate_limited:share": "Too many shared pages opened from your address. Try again in a minute.",
  "rate_limited:token": "This token has made too many requests. Try again in a minute.",
  "rate_limited:live": "Too many live connections are open for this account. Close a tab and try again.",
  unavailable: "The service is unavailable right now. Try again in a moment.",
  "unavailable:sign_in": "Signing in is not possible right now. Please try again in a moment.",
  internal: TRY_AGAIN,
} as const;

/**
 * Why a reply failed. Stored on the failed message (`errorCode`) and sent in stream events, so
 * they are plain names rather than "<kind>:<subject>"; each still maps to an HTTP status.
 * `incomplete` and `network` are also what the browser reports when a stream breaks on its side.
 */
const REPLY_ERRORS = {
  invalid_key: { status: 502, message: "The AI service rejected this app's API key. Ask the administrator to check GEMINI_API_KEY." },
  rate_limited: { status: 429, message: "The AI service is busy right now. Try again in a minute." },
  safety_blocked: { status: 422, message: "The AI would not answer this because of its safety filters. Try rephrasing your message." },
  overloaded: { status: 503, message: "The AI model is overloaded right now. Try again in a moment." },
  network: { status: 502, message: "The connection to the AI service was lost before the reply finished. Try again." },
  aborted: { status: 409, message: "The reply was stopped." },
  invalid_plan: { status: 422, message: "I couldn't turn that into a plan. Retry to ask again." },
  invalid_changes: { status: 422, message: "I couldn't turn that into changes to your project. Retry to ask again." },
  invalid_details_update: { status: 422, message: "I couldn't turn that into an update of your details. Retry to ask again." },
  incomplete: { status: 502, message: "The reply ended unexpectedly. Retry to get a full answer." },
  offline: { status: 503, message: "Could not reach the server. Check your connection and try again." },
  interrupted: { status: 503, message: "The server writing this reply stopped before it finished. Retry to get a full answer." },
  unknown: { status: 500, message: "Something went wrong while getting a reply. Try again." },
} as const;

export type RequestErrorCode = keyof typeof REQUEST_ERRORS;
export type ReplyErrorCode = keyof typeof REPLY_ERRORS;
/** The closed union of every code: a code not in the table does not compile. */
export type ErrorCode = RequestErrorCode | ReplyErrorCode;

export const ERROR_CODES = [...Object.keys(REQUEST_ERRORS), ...Object.keys(REPLY_ERRORS)] as [ErrorCode, ...ErrorCode[]];

/** Field name → messages, shown beside the form field and sent as `errors` in problem+json. */
export type FieldErrors = Record<string, string[]>;

function isRequestCode(code: string): code is RequestErrorCode {
  return Object.hasOwn(REQUEST_ERRORS, code);
}

function isReplyCode(code: string): code is ReplyErrorCode {
  return Object.hasOwn(REPLY_ERRORS, code);
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && (isRequestCode(code) || isReplyCode(code));
}

export function errorKind(code: ErrorCode): ErrorKind {
  const kind = code.split(":", 1)[0] as ErrorKind;
  return Object.hasOwn(KINDS, kind) ? kind : "internal";
}

export function httpStatus(code: ErrorCode): number {
  if (!isRequestCode(code) && isReplyCode(code)) return REPLY_ERRORS[code].status;
  return KINDS[errorKind(code)].status;
}

export function errorTitle(code: ErrorCode): string {
  return KINDS[errorKind(code)].title;
}

/** "Try again in 5 seconds." — rounded up, at least one second. */
function retryIn(retryAfterSeconds: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return `Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
}

/**
 * The message a person sees for a code. Accepts any string, since stored codes and wire values
 * are data: an unknown code reads as the generic failure of its family.
 */
export function errorMessage(code: string | undefined, retryAfterSeconds?: number): string {
  if (code && (code === "rate_limited" || code.startsWith("rate_limited:")) && retryAfterSeconds) {
    return code === "rate_limited" ? `The AI service is busy right now. ${retryIn(retryAfterSeconds)}` : retryMessage(retryAfterSeconds);
  }
  if (code && isReplyCode(code)) return REPLY_ERRORS[code].message;
  if (code && isRequestCode(code)) return REQUEST_ERRORS[code];
  return REPLY_ERRORS.unknown.message;
}

/** The message for an HTTP status when the answer carried no code of ours (a proxy's error page, say). */
export function codeForStatus(status: number): ErrorCode {
  if (status === 0) return "offline";
  const kind = ERROR_KINDS.find((candidate) => KINDS[candidate].status === status);
  return kind ?? (status >= 500 ? "unavailable" : "invalid");
}

/** Message shown when a caller is rate limited: says when to retry. */
export function retryMessage(retryAfterSeconds: number): string {
  return `Too many attempts. ${retryIn(retryAfterSeconds)}`;
}

/** zod issues → field errors keyed by each issue's top-level field ("_" for the value itself). */
export function fieldErrors(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export interface AppErrorOptions {
  fields?: FieldErrors;
  /** Seconds until a rate-limited caller may retry. */
  retryAfterSeconds?: number;
  /** The underlying error; logged, never shown to users. */
  cause?: unknown;
}

/** What crosses to the client: in an action result, a stream event or problem+json (as `code`/`detail`). */
export interface ErrorData {
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
  retryAfterSeconds?: number;
}

/** One error class on both sides: the server throws it, the client rebuilds it from ErrorData. */
export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message?: string, options: AppErrorOptions = {}) {
    super(message ?? errorMessage(code, options.retryAfterSeconds), { cause: options.cause });
    this.code = code;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get kind(): ErrorKind {
    return errorKind(this.code);
  }

  get status(): number {
    return httpStatus(this.code);
  }

  toData(): ErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: Math.ceil(this.retryAfterSeconds) } : {}),
    };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
