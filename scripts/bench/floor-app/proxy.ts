import { NextResponse } from "next/server";

// A pass-through proxy in front of /api/floor-proxied only: what Next.js charges for running a
// proxy at all (the app's proxy.ts runs in front of every route). It must match nothing else,
// and it must exist: without a file of this name here, the app's proxy.ts (next-auth) would be
// built into the floor app.
export function proxy(): NextResponse {
  return NextResponse.next();
}

export const config = { matcher: ["/api/floor-proxied"] };
