/**
 * Ending server-side sessions, by the user's hex id as the rest of the app carries it. Every call
 * is scoped to the owner: a session id belonging to someone else matches nothing.
 */
import "server-only";
import { deleteOtherSessions, deleteSession, listSessions, type SessionInfo } from "@/models/sessions";
import { parseUserId } from "@/models/users";

export async function endSession(userId: string, sessionId: string): Promise<boolean> {
  const owner = parseUserId(userId);
  return owner ? deleteSession(owner, sessionId) : false;
}

/** Ends every session of the user but `keepSessionId` (every one when it is omitted). */
export async function endOtherSessions(userId: string, keepSessionId?: string): Promise<number> {
  const owner = parseUserId(userId);
  return owner ? deleteOtherSessions(owner, keepSessionId) : 0;
}

export async function listDevices(userId: string): Promise<SessionInfo[]> {
  const owner = parseUserId(userId);
  return owner ? listSessions(owner) : [];
}
