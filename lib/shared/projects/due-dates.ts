/**
 * Due dates are calendar days ("2027-03-14"). Whether a task is overdue or due soon depends on
 * which day it is for the user, so "today" is computed in the user's time zone, never the server's.
 * Client-safe and pure.
 */

export const DUE_SOON_DAYS = 7;

export type DueState = "overdue" | "today" | "soon" | "later" | "none";

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The calendar day it is in `timeZone` at `now` ("UTC" when the zone is unknown or invalid). */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  const zone = timeZone && isValidTimeZone(timeZone) ? timeZone : "UTC";
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The calendar day `days` after `day` (negative for before). */
export function addDays(day: string, days: number): string {
  const [year = 0, month = 1, date = 1] = day.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** How a due date stands on the user's `today`; done tasks are never overdue. */
export function dueState(dueDate: string | undefined | null, today: string, done = false): DueState {
  if (!dueDate) return "none";
  if (!done && dueDate < today) return "overdue";
  if (dueDate === today) return "today";
  if (dueDate <= addDays(today, DUE_SOON_DAYS)) return "soon";
  return "later";
}

/** "14 Mar 2027" for a calendar day, independent of the viewer's zone. */
export function formatDueDate(day: string): string {
  const [year = 0, month = 1, date = 1] = day.split("-").map(Number);
  return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}
