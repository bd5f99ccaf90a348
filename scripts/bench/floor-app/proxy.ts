import { NextResponse } from "next/server";

// Deliberately a no-op that matches nothing, for the same reason as instrumentation.ts: without
// it the app's proxy.ts (next-auth) would run in front of the floor route.
export function proxy(): NextResponse {
  return NextResponse.next();
}

export const config = { matcher: ["/__never__"] };
