/**
 * RFC 9457 problem+json responses. Every API error goes through `problemResponse()`, so the
 * shape (type, title, status, detail, code, errors) is the same everywhere and internal causes
 * never reach the client.
 */
import "server-only";
import { ZodError, type z } from "zod";
import type { problemSchema } from "@/lib/shared/api/common";
import { AppError, errorTitle, fieldErrors, httpStatus, type FieldErrors } from "@/lib/shared/errors";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** The body /api/v1 documents (lib/shared/api/common.ts); errors are keyed by dotted field path. */
export type ProblemDetails = z.infer<typeof problemSchema>;

/** Field errors from a ZodError, keyed by dotted path ("" for the whole value → "_"): API bodies nest. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  return fieldErrors({ issues: error.issues.map((issue) => ({ ...issue, path: [issue.path.map(String).join(".")].filter(Boolean) })) });
}

/** Any thrown value → an AppError; unknown errors become "internal" (their cause is kept for logs). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError("invalid:input", undefined, { fields: zodFieldErrors(error), cause: error });
  }
  if (error instanceof SyntaxError) {
    return new AppError("invalid:json", undefined, { cause: error });
  }
  return new AppError("internal", "Something went wrong on our side.", { cause: error });
}

export function problemDetails(error: unknown, extra: { instance?: string; requestId?: string } = {}): ProblemDetails {
  const appError = toAppError(error);
  const status = httpStatus(appError.code);
  return {
    // A tag URI (RFC 4151): a stable, unique identifier that does not pretend to be a web page.
    type: `tag:chatcraft,2026:problem/${appError.code.replace(/:/g, "/")}`,
    title: errorTitle(appError.code),
    status,
    // Internal errors never echo their message: it may come from a driver or SDK.
    detail: status >= 500 && appError.kind === "internal" ? "Something went wrong on our side." : appError.message,
    code: appError.code,
    ...(extra.instance ? { instance: extra.instance } : {}),
    ...(extra.requestId ? { requestId: extra.requestId } : {}),
    ...(appError.fields ? { errors: appError.fields } : {}),
    ...(appError.retryAfterSeconds !== undefined ? { retryAfterSeconds: Math.ceil(appError.retryAfterSeconds) } : {}),
  };
}

export function problemResponse(
  error: unknown,
  extra: { instance?: string; requestId?: string; headers?: HeadersInit } = {},
): Response {
  const body = problemDetails(error, extra);
  const headers = new Headers(extra.headers);
  headers.set("content-type", PROBLEM_CONTENT_TYPE);
  headers.set("cache-control", "no-store");
  if (body.retryAfterSeconds !== undefined) headers.set("retry-after", String(body.retryAfterSeconds));
  if (extra.requestId) headers.set("x-request-id", extra.requestId);
  return new Response(JSON.stringify(body), { status: body.status, headers });
}
