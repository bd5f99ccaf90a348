/**
 * Route-handler helpers: turn thrown errors into problem+json (logging internal causes with
 * the request id) and read JSON bodies through a zod schema with a size bound.
 */
import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/shared/errors";
import { logger } from "@/lib/server/infra/log";
import { countAppError, observeHttpRequest } from "@/lib/server/infra/metrics";
import { requestIdFrom, runWithRequestContext, REQUEST_ID_HEADER } from "@/lib/server/infra/request-context";
import { problemResponse, toAppError } from "@/lib/server/infra/http/problem";

type Handler<A extends unknown[]> = (request: Request, ...rest: A) => Promise<Response>;

/**
 * Wraps a route handler: it runs in its request's context (so every log line, including those a
 * stream writes after the response started, carries the request id), is timed for metrics, and
 * every thrown error becomes a problem+json response.
 */
export function withApiErrors<A extends unknown[]>(handler: Handler<A>): Handler<A> {
  return (request, ...rest) => {
    const requestId = requestIdFrom(request.headers);
    return runWithRequestContext({ requestId }, async () => {
      const started = performance.now();
      const pathname = new URL(request.url).pathname;
      const response = await respond(handler, requestId, pathname, request, ...rest);
      observeHttpRequest(request.method, pathname, response.status, (performance.now() - started) / 1000);
      return response;
    });
  };
}

async function respond<A extends unknown[]>(handler: Handler<A>, requestId: string, pathname: string, request: Request, ...rest: A): Promise<Response> {
  try {
    const response = await handler(request, ...rest);
    if (!response.headers.has(REQUEST_ID_HEADER)) {
      try {
        response.headers.set(REQUEST_ID_HEADER, requestId);
      } catch {
        // Some responses (e.g. Response.redirect) have immutable headers; the id is optional.
      }
    }
    return response;
  } catch (error) {
    const appError = toAppError(error);
    countAppError(appError.code);
    if (appError.status >= 500) logger().error({ err: appError.cause ?? appError, path: pathname }, "request failed");
    return problemResponse(appError, { requestId, instance: pathname });
  }
}

/** application/json or any +json type (RFC 6839), parameters allowed. */
export function isJsonContentType(value: string | null): boolean {
  const type = value?.split(";", 1)[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * Reads a JSON body (bounded) and validates it; bad JSON or fields become 400 problems. Any other
 * Content-Type is 415: a cross-site `<form enctype="text/plain">` cannot build the body, because
 * a browser only sends application/json cross-site after a CORS preflight we never grant.
 */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { maxBytes?: number } = {},
): Promise<z.infer<S>> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    throw new AppError("unsupported_media_type", "Send the body as JSON, with Content-Type: application/json.");
  }
  const maxBytes = options.maxBytes ?? 256 * 1024;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large", `The request body is larger than ${maxBytes} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > maxBytes) {
    throw new AppError("payload_too_large", `The request body is larger than ${maxBytes} bytes.`);
  }
  let value: unknown;
  try {
    value = text === "" ? undefined : JSON.parse(text);
  } catch (error) {
    throw new AppError("invalid:json", "The request body is not valid JSON.", { cause: error });
  }
  const result = schema.safeParse(value);
  if (!result.success) throw toAppError(result.error);
  return result.data;
}
