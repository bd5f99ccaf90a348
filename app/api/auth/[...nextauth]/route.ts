import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { getCurrentSession } from "@/lib/server/services/auth/session";

/** next-auth's cookie names for the session JWT (chunked as .0, .1… when large). */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * next-auth answers /api/auth/session from the signed cookie alone, and re-issues it. A cookie
 * whose server-side session has ended (signed out, password changed, account deleted, idle) must
 * get nothing: answer `null` as for no session and clear the cookie.
 */
export async function GET(request: NextRequest): Promise<Response> {
  if (!request.nextUrl.pathname.endsWith("/session")) return handlers.GET(request);
  const sent = request.cookies.getAll().filter((cookie) => SESSION_COOKIE.test(cookie.name));
  if (sent.length === 0 || (await getCurrentSession())) return handlers.GET(request);
  const headers = new Headers({ "content-type": "application/json", "cache-control": "private, no-cache, no-store" });
  for (const cookie of sent) {
    const secure = cookie.name.startsWith("__Secure-") ? "; Secure" : "";
    headers.append("set-cookie", `${cookie.name}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax${secure}`);
  }
  return new Response("null", { status: 200, headers });
}

export const { POST } = handlers;
