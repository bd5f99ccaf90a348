/**
 * The path (with query) of the page a request is for. A server component cannot read its own URL,
 * so proxy.ts passes it on in a request header (overwriting any the client sent), and a redirect
 * to /login can carry it as `callbackUrl`.
 */
import "server-only";
import { headers } from "next/headers";

export const PAGE_PATH_HEADER = "x-chatcraft-page-path";

/** The current page's path and query, or undefined outside a page request (or when it looks wrong). */
export async function currentPagePath(): Promise<string | undefined> {
  const path = (await headers()).get(PAGE_PATH_HEADER);
  return path && path.startsWith("/") && !path.startsWith("//") ? path : undefined;
}
