/**
 * Cursor pages over a list that is already bounded and ordered by its model (a user's projects,
 * a project's tasks): the cursor names the last item returned, so a page continues right after it
 * even when items before it were added or removed.
 */
import "server-only";
import { AppError } from "@/lib/shared/errors";

export function encodeItemCursor(id: string): string {
  return Buffer.from(`i1.${id}`).toString("base64url");
}

function decodeItemCursor(cursor: string): string {
  const match = /^i1\.([0-9a-f]{24})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match?.[1]) throw new AppError("invalid:cursor", "cursor is not valid.", { fields: { cursor: ["cursor is not valid."] } });
  return match[1];
}

export function pageOfList<T extends { id: string }>(items: readonly T[], limit: number, cursor?: string): { items: T[]; nextCursor: string | null } {
  let start = 0;
  if (cursor) {
    const after = decodeItemCursor(cursor);
    const index = items.findIndex((item) => item.id === after);
    if (index === -1) {
      throw new AppError("invalid:cursor", "The item this cursor points at is gone; start from the first page.", { fields: { cursor: ["cursor is no longer valid."] } });
    }
    start = index + 1;
  }
  const page = items.slice(start, start + limit);
  const last = page.at(-1);
  return { items: page, nextCursor: start + limit < items.length && last ? encodeItemCursor(last.id) : null };
}
