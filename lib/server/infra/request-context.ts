/**
 * The request a piece of server code is working for, carried by AsyncLocalStorage so that log
 * lines written deep in a service — or in a stream producer after the response has started —
 * carry the same request id without threading it through every call.
 *
 * The id comes from proxy.ts (`withRequestId`), which gives every request one, passes it on
 * to the route handler, page or server action as the `x-request-id` request header, and echoes
 * it on the response.
 */
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";

export const REQUEST_ID_HEADER = "x-request-id";

export interface RequestContext {
  requestId: string;
}

// On globalThis: Next.js may load this module once for instrumentation and again per route bundle.
const storageKey = Symbol.for("chatcraft.request-context");
type GlobalWithStorage = typeof globalThis & { [storageKey]?: AsyncLocalStorage<RequestContext> };

function storage(): AsyncLocalStorage<RequestContext> {
  const g = globalThis as GlobalWithStorage;
  g[storageKey] ??= new AsyncLocalStorage<RequestContext>();
  return g[storageKey];
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's x-request-id when it looks sane (a proxy in front may set one), otherwise a fresh one. */
export function requestIdFrom(headers?: Headers | null): string {
  const given = headers?.get(REQUEST_ID_HEADER);
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Runs `fn` (and everything it starts, including work that outlives the response) as part of a request. */
export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage().run(context, fn);
}

/** The current request's id, or undefined outside a request (start-up, background jobs). */
export function currentRequestId(): string | undefined {
  return storage().getStore()?.requestId;
}

type ProxyResult = Response | null | undefined | void;

/**
 * Wraps proxy.ts's handler: every request gets an id (the caller's, if sane), the response
 * carries it as `x-request-id`, and a request that goes on to a route, page or server action
 * carries it as its own `x-request-id` header, so their log lines use the same id.
 */
export function withRequestId<R extends Request, A extends unknown[]>(
  proxy: (request: R, ...rest: A) => ProxyResult | Promise<ProxyResult>,
): (request: R, ...rest: A) => Promise<Response> {
  return async (request, ...rest) => {
    const requestId = requestIdFrom(request.headers);
    const response = (await proxy(request, ...rest)) ?? continueResponse();
    response.headers.set(REQUEST_ID_HEADER, requestId);
    forwardRequestHeader(response.headers, request.headers, REQUEST_ID_HEADER, requestId);
    return response;
  };
}

/** The same "continue to the route" response NextResponse.next() builds. */
function continueResponse(): Response {
  return new Response(null, { headers: { "x-middleware-next": "1" } });
}

const OVERRIDE_HEADERS = "x-middleware-override-headers";
const REQUEST_HEADER_PREFIX = "x-middleware-request-";

/**
 * Adds one request header for the downstream route, the way NextResponse.next({ request: { headers } })
 * does it (and Next.js itself does for trace headers): the override list replaces the whole
 * request header set, so when the proxy set none, every incoming header is listed too.
 */
function forwardRequestHeader(responseHeaders: Headers, requestHeaders: Headers, name: string, value: string): void {
  if (!responseHeaders.has("x-middleware-next") && !responseHeaders.has("x-middleware-rewrite")) return;
  const existing = responseHeaders.get(OVERRIDE_HEADERS);
  const names = existing ? existing.split(",") : [];
  if (!existing) {
    for (const [key, headerValue] of requestHeaders) {
      responseHeaders.set(`${REQUEST_HEADER_PREFIX}${key}`, headerValue);
      names.push(key);
    }
  }
  responseHeaders.set(`${REQUEST_HEADER_PREFIX}${name}`, value);
  if (!names.includes(name)) names.push(name);
  responseHeaders.set(OVERRIDE_HEADERS, names.join(","));
}

/**
 * Runs a server action's body in its request's context. Server actions have no Request object;
 * the id proxy.ts forwarded is read from the incoming headers.
 */
export async function inActionContext<T>(body: () => Promise<T>): Promise<T> {
  let incoming: Headers | null = null;
  try {
    incoming = await headers();
  } catch {
    // Called outside a request (a test, a script): a fresh id still groups the lines.
  }
  return runWithRequestContext({ requestId: requestIdFrom(incoming) }, body);
}
