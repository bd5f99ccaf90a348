import { describe, expect, it } from "vitest";
import { addDays, dueState, formatDueDate, todayIn } from "@/lib/shared/projects/due-dates";

describe("due dates are calendar days in the user's time zone", () => {
  // 2027-03-14 23:30 UTC: already the 15th in Tokyo, still the 14th in London, the 14th in New York.
  const instant = new Date("2027-03-14T23:30:00Z");

  it("computes today for the user's zone, not the server's", () => {
    expect(todayIn("Asia/Tokyo", instant)).toBe("2027-03-15");
    expect(todayIn("Europe/London", instant)).toBe("2027-03-14");
    expect(todayIn("America/New_York", instant)).toBe("2027-03-14");
    expect(todayIn("Pacific/Kiritimati", new Date("2027-03-14T10:30:00Z"))).toBe("2027-03-15");
  });

  it("falls back to UTC for a missing or made-up zone", () => {
    expect(todayIn(undefined, instant)).toBe("2027-03-14");
    expect(todayIn("Mars/Olympus_Mons", instant)).toBe("2027-03-14");
  });

  it("a task due on the 14th is overdue in Tokyo but due today in New York at the same instant", () => {
    expect(dueState("2027-03-14", todayIn("Asia/Tokyo", instant))).toBe("overdue");
    expect(dueState("2027-03-14", todayIn("America/New_York", instant))).toBe("today");
  });

  it("classifies soon (within 7 days), later, none, and never calls a done task overdue", () => {
    expect(dueState("2027-03-21", "2027-03-14")).toBe("soon");
    expect(dueState("2027-03-22", "2027-03-14")).toBe("later");
    expect(dueState(null, "2027-03-14")).toBe("none");
    expect(dueState("2027-03-01", "2027-03-14", true)).not.toBe("overdue");
  });

  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2027-12-30", 7)).toBe("2028-01-06");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
  });

  it("formats the day itself, whatever zone the viewer is in", () => {
    expect(formatDueDate("2027-03-14")).toBe("14 Mar 2027");
  });
});
