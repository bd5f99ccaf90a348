"use server";

import { signOut } from "@/auth";

/** Ends the session (clears the JWT cookie) and goes to the landing page. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
