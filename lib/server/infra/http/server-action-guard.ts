/**
 * Checks proxy.ts runs on server-action posts before Next.js sees them, because Next.js answers
 * both of these failures with 500:
 * - the CSRF check (node_modules/next/dist/server/app-render/action-handler.js): an `Origin` whose
 *   host is neither the request's host (`x-forwarded-host` first, as Next.js reads it) nor allowed by
 *   `serverActions.allowedOrigins` — including the literal `null` and an Origin that is no URL (Next.js's
 *   `new URL(origin)` throws) — is refused here with 403;
 * - React's reply decoder (`decodeReply` / `decodeReplyFromBusboy` in react-server-dom-webpack):
 *   a body that is not JSON, or whose `$`-references point at rows that do not exist, cannot build
 *   what they name (a Map from a non-array, a BigInt from letters, a cycle) or load a server function,
 *   or whose root is not the argument list Next.js applies the action to, is refused here with 400.
 * The body check is an allow-list of what this app's actions receive: plain JSON values, FormData
 * (`$K`), files (`$B`), dates, bigints, undefined/NaN/±Infinity/-0, temporary references, promises,
 * Maps, Sets, iterators and plain row references. Typed arrays, streams and server functions passed as
 * arguments are refused (no action takes them).
 */
import "server-only";
import { isCsrfOriginAllowed } from "next/dist/server/app-render/csrf-protection";
import { SERVER_ACTION_ALLOWED_ORIGINS } from "@/lib/server/infra/http/action-origins";

/** A POST Next.js may treat as a server action: a fetch action (Next-Action header) or a no-JS multipart form post to a page. */
export function isPossibleServerAction(request: Request, pathname: string): boolean {
  if (request.method !== "POST") return false;
  if (request.headers.has("next-action")) return true;
  const isApi = pathname === "/api" || pathname.startsWith("/api/");
  return !isApi && (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

function originHost(origin: string): string | null {
  if (origin === "null") return "null";
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Why Next.js's CSRF check would refuse this request, or null when it would pass (as Next.js does, a missing Origin passes). */
export function foreignOriginReason(headers: Headers, allowedOrigins: string[] = SERVER_ACTION_ALLOWED_ORIGINS): string | null {
  const origin = headers.get("origin");
  if (origin === null) return null;
  const fromHost = originHost(origin);
  if (fromHost === null) return "The Origin header is not a URL.";
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || headers.get("host");
  if (host && fromHost === host) return null;
  if (isCsrfOriginAllowed(fromHost, allowedOrigins)) return null;
  return "Server actions may only be called from this site's own pages.";
}

type Entry = string | File;
/** Reply rows by their field name ("0", "1", …) and every other field (FormData entries, files). */
type Rows = (name: string) => Entry | null;
/** Where a field sits in the body (0 = first). React decodes a multipart reply as it streams in, so a
 * row may only refer to rows and files that came before it ("Invalid forward reference"). */
type Position = (name: string) => number;

const MAX_DEPTH = 512;
const HEX = /^[0-9a-fA-F]+$/;

class Undecodable extends Error {}

/** Null when React's reply decoder can decode these rows (for what this app sends), else why not. */
export function undecodableReplyReason(rows: Rows, position: Position = () => 0): string | null {
  const parsed = new Map<number, unknown>();
  const active = new Set<number>();
  const stack: number[] = [];

  /** Refuses a reference from the row being read to a field that comes after it in the body. */
  function notAfter(id: number): void {
    const from = stack.at(-1);
    if (from !== undefined && from !== id && position(String(id)) > position(String(from))) {
      throw new Undecodable(`Row ${from} refers to row ${id}, which comes after it.`);
    }
  }

  function row(hex: string): { id: number; value: unknown } {
    if (!HEX.test(hex)) throw new Undecodable(`"${hex.slice(0, 20)}" is not a row id.`);
    const id = parseInt(hex, 16);
    notAfter(id);
    if (parsed.has(id)) return { id, value: parsed.get(id) };
    const text = rows(String(id));
    if (typeof text !== "string") throw new Undecodable(`Row ${id} is missing.`);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new Undecodable(`Row ${id} is not JSON.`);
    }
    parsed.set(id, value);
    active.add(id);
    stack.push(id);
    walk(value, 0);
    stack.pop();
    active.delete(id);
    return { id, value };
  }

  function outlined(hex: string, check?: (value: unknown) => boolean): void {
    const { id, value } = row(hex);
    if (active.has(id) && check) throw new Undecodable(`Row ${id} refers to itself.`);
    if (check && !check(value)) throw new Undecodable(`Row ${id} has the wrong shape.`);
  }

  function reference(text: string): void {
    const [hex = "", ...path] = text.split(":");
    const { id, value } = row(hex);
    if (path.length === 0) {
      if (active.has(id)) throw new Undecodable(`Row ${id} refers to itself.`);
      return;
    }
    let at: unknown = value;
    for (const name of path) {
      if (typeof at !== "object" || at === null || !Object.hasOwn(at, name)) throw new Undecodable("A reference names no value.");
      at = (at as Record<string, unknown>)[name];
      if (typeof at === "string" && at.startsWith("$")) throw new Undecodable("A reference goes through another reference.");
    }
  }

  function special(text: string): void {
    const tag = text[1];
    const rest = text.slice(2);
    switch (tag) {
      case undefined:
        return reference("");
      case "$": case "u": case "I": case "N": case "-": case "D": case "H": case "T": case "K":
        return;
      case "n":
        if (!/^-?\d{1,300}$/.test(rest)) throw new Undecodable("A BigInt is not a number.");
        return;
      case "@":
        return outlined(rest);
      case "Q":
        return outlined(rest, (v) => Array.isArray(v) && v.every((pair) => Array.isArray(pair)));
      case "W": case "i":
        return outlined(rest, Array.isArray);
      case "B": {
        if (!HEX.test(rest)) throw new Undecodable("A Blob reference has no row id.");
        const id = parseInt(rest, 16);
        const blob = rows(String(id));
        if (!(typeof blob === "object" && blob !== null)) throw new Undecodable("A Blob reference names no file.");
        notAfter(id);
        return;
      }
      default:
        if (HEX.test(tag)) return reference(text.slice(1));
        throw new Undecodable(`"$${tag}" values are not accepted.`);
    }
  }

  function walk(value: unknown, depth: number): void {
    if (depth > MAX_DEPTH) throw new Undecodable("The value is nested too deeply.");
    if (typeof value === "string") {
      if (value.startsWith("$")) special(value);
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
    } else if (typeof value === "object" && value !== null) {
      for (const item of Object.values(value)) walk(item, depth + 1);
    }
  }

  try {
    // Next.js calls the action with the root row as its argument list (`fn.apply(null, args)`).
    if (!Array.isArray(row("0").value)) throw new Undecodable("The arguments are not a list.");
    return null;
  } catch (error) {
    if (error instanceof Undecodable) return error.message;
    if (error instanceof RangeError) return "The value is nested too deeply.";
    throw error;
  }
}

/**
 * Null when Next.js can decode this fetch action's body, else why not. Reads a clone, so the body
 * still reaches Next.js. URL-encoded bodies are left alone (Next.js answers them 404 itself).
 */
export async function undecodableActionBodyReason(request: Request): Promise<string | null> {
  if (!request.headers.has("next-action")) return null;
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("application/x-www-form-urlencoded")) return null;
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await request.clone().formData();
    } catch {
      return "The body is not valid multipart form data.";
    }
    const names = [...form.keys()];
    // "S<id>" fields are stream rows; no action takes a stream (and a stray one breaks the decoder).
    if (names.some((name) => /^S\d/.test(name))) return "Stream rows are not accepted.";
    return undecodableReplyReason((name) => form.get(name), (name) => names.indexOf(name));
  }
  const text = await request.clone().text();
  return undecodableReplyReason((name) => (name === "0" ? text : null));
}
