/**
 * Calls the API's route handlers in-process, the way Next.js would (Request in, Response out),
 * and checks every answer against the OpenAPI document. `as` picks who calls: a token (Bearer),
 * a session (the mocked cookie session), or nobody.
 */
import type { PublicUser } from "@/models/users";
import { checkContract } from "./contract";
import { matchRoute, ROUTES } from "./routes";
import { signInAs } from "../integration/chat/session-mock";

export type Caller = { token: string } | { session: PublicUser } | null;

export interface CallOptions {
  as?: Caller;
  body?: unknown;
  /** Raw body text (wins over body). */
  rawBody?: string;
  /** A multipart body (the Request sets its own Content-Type with the boundary), or a byte stream. */
  upload?: FormData | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Skip the contract check (fuzzing paths that are not routes at all). */
  unchecked?: boolean;
}

export async function call(method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const url = new URL(path, "http://localhost");
  const route = matchRoute(url.pathname);
  if (!route) throw new Error(`No route for ${url.pathname}`);
  const handlers = await ROUTES[route.template]!();
  const handler = handlers[method] as ((request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>) | undefined;
  if (!handler) throw new Error(`${route.template} has no ${method}`);

  const headers = new Headers(options.headers);
  const as = options.as ?? null;
  signInAs(as && "session" in as ? as.session : null);
  if (as && "token" in as) headers.set("authorization", `Bearer ${as.token}`);
  let body: string | undefined = options.rawBody;
  if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");

  const upload = options.upload;
  const request = upload
    ? new Request(url, { method, headers, body: upload, signal: options.signal, ...(upload instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit)
    : new Request(url, { method, headers, body, signal: options.signal });
  const response = await handler(request, { params: Promise.resolve(route.params) });
  if (!options.unchecked) await checkContract(route.template, method, response);
  return response;
}

/** Parses a text/event-stream body into { event, data } pairs. */
export function parseSse(text: string): { event: string; data: Record<string, unknown> }[] {
  return text
    .split("\n\n")
    .filter((frame) => frame.trim() !== "")
    .map((frame) => {
      const event = /^event: (.*)$/m.exec(frame)?.[1] ?? "message";
      const data = JSON.parse(/^data: (.*)$/m.exec(frame)?.[1] ?? "{}") as Record<string, unknown>;
      return { event, data };
    });
}
