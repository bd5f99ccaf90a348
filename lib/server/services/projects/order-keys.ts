/**
 * Order keys for tasks within a board column, from the `fractional-indexing` library: a key
 * between any two keys always exists, so moving a task between two others rewrites only that task.
 * Pure; the model supplies the neighbouring keys.
 */
import "server-only";
import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";

/** `count` increasing keys after `last` (null: an empty column). */
export function keysAfter(last: string | null, count: number): string[] {
  return generateNKeysBetween(last, null, count);
}

/**
 * A key strictly between `before` and `after` (either may be null for an open end). Keys that
 * collide or arrive out of order (two tabs moving at once) must not make a move fail: the caller
 * passes a fallback `after` that is known to be greater than `before`.
 */
export function keyBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) return generateKeyBetween(before, null);
  return generateKeyBetween(before, after);
}
