/**
 * The owner every chat model function filters by. Pages and actions hold the signed-in user
 * (or its id string); this turns either into the stored ObjectId, refusing anything malformed.
 */
import "server-only";
import { ObjectId } from "mongodb";
import { AppError, SESSION_ENDED_MESSAGE } from "@/lib/shared/errors";
import type { Owner } from "@/models/conversations";
import { parseUserId } from "@/models/users";

/** A user id string, the stored ObjectId, or anything with the user's `id` (PublicUser). */
export type OwnerRef = string | ObjectId | { id: string };

export function toOwner(ref: OwnerRef): Owner {
  if (ref instanceof ObjectId) return ref;
  const id = parseUserId(typeof ref === "string" ? ref : ref.id);
  if (!id) throw new AppError("unauthorized", SESSION_ENDED_MESSAGE);
  return id;
}
