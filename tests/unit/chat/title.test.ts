/**
 * Titles end at a word boundary, without list markers or trailing punctuation: the sidebar
 * should say "Plan our website launch", not "Plan our website launch. - Design".
 */
import { describe, expect, it } from "vitest";
import { cleanTitle, fallbackTitle } from "@/lib/server/ai/chat-model";
import { titleFromText, trimTitleEnd } from "@/lib/shared/chat/title";

const title = (text: string, maxChars = 120, maxWords = 6) => titleFromText(text, { maxChars, maxWords });

describe("a title from a message with a list", () => {
  it("stops at the list, for every kind of marker", () => {
    for (const marker of ["-", "*", "+", "•", "1.", "1)"]) {
      expect(title(`Plan our website launch.\n${marker} Design\n${marker} Build`), marker).toBe("Plan our website launch");
    }
    expect(fallbackTitle("Plan our website launch.\n- Design\n- Build")).toBe("Plan our website launch");
  });

  it("a message that starts with a list is titled by its first item, marker and checkbox dropped", () => {
    expect(title("- Design the homepage\n- Build it")).toBe("Design the homepage");
    expect(title("• Design\n• Build")).toBe("Design");
    expect(title("1. Pick a domain;\n2. Write the menu")).toBe("Pick a domain");
    expect(title("  * [ ] Book the venue!\n  * [x] Send invites")).toBe("Book the venue");
    expect(title("•Tight bullet, no space")).toBe("Tight bullet, no space");
  });

  it("keeps dashes, stars and numbers that are not list markers", () => {
    expect(title("-5 degrees tonight, what to wear")).toBe("-5 degrees tonight, what to wear");
    expect(title("3.5 liters of water a day?")).toBe("3.5 liters of water a day");
    expect(title("Learn C++ in a month")).toBe("Learn C++ in a month");
    expect(title("Plan A - or plan B")).toBe("Plan A - or plan B");
  });

  it("stops at a blank line and drops headings, quotes and emphasis", () => {
    expect(title("## Trip to Spain\n\nWe want to go in May")).toBe("Trip to Spain");
    expect(title("> **Quick** question: `git rebase`?")).toBe("Quick question: git rebase");
  });
});

describe("a long title is cut at a word boundary", () => {
  it("never ends inside a word", () => {
    const text = "Internationalisation considerations for multilingual accessibility documentation";
    const cut = title(text, 40, 20);
    expect(cut).toBe("Internationalisation considerations for");
    expect(text.startsWith(cut)).toBe(true);
    expect(fallbackTitle("supercalifragilistic ".repeat(10)).length).toBeLessThanOrEqual(60);
    expect(fallbackTitle("supercalifragilistic ".repeat(10))).toBe("supercalifragilistic supercalifragilistic");
  });

  it("a single word longer than the limit is cut inside it (nothing else fits)", () => {
    expect(fallbackTitle("a".repeat(100))).toBe("a".repeat(60));
  });

  it("cuts at the word limit and has no ellipsis", () => {
    expect(title("one two three four five six seven")).toBe("one two three four five six");
    expect(title("one, two, three, four, five, six, seven")).toBe("one, two, three, four, five, six");
  });

  it("a cut that lands after punctuation drops it", () => {
    expect(title("Budget, timeline; risks: and more words here", 20, 20)).toBe("Budget, timeline");
  });
});

describe("trailing punctuation", () => {
  it("is removed", () => {
    for (const end of [".", "...", "…", "?", "!?", ":", ";", ",", " -", " —", " /"]) expect(title(`Fix my router${end}`), end).toBe("Fix my router");
  });

  it("closing brackets and quotes stay when they close something, and go when they do not", () => {
    expect(trimTitleEnd("Help with (Python)")).toBe("Help with (Python)");
    expect(trimTitleEnd('Explain "foo"')).toBe('Explain "foo"');
    expect(trimTitleEnd("Help with Python)")).toBe("Help with Python");
    expect(trimTitleEnd("Notes (draft")).toBe("Notes (draft");
    expect(trimTitleEnd("Notes (")).toBe("Notes");
  });

  it("nothing left means the caller's fallback", () => {
    expect(title("- \n...")).toBe("");
    expect(fallbackTitle("...")).toBe("New chat");
    expect(fallbackTitle("   ")).toBe("New chat");
  });
});

describe("a model's title answer", () => {
  it("gets the same treatment", () => {
    expect(cleanTitle("- Website launch plan.\n- Other")).toBe("Website launch plan");
    expect(cleanTitle("Title: Website launch: design, build, ship!")).toBe("Website launch: design, build, ship");
    expect(cleanTitle(`${"Long title words ".repeat(6)}`)!.length).toBeLessThanOrEqual(60);
    expect(cleanTitle(`${"Long title words ".repeat(6)}`)).toMatch(/(Long|title|words)$/);
  });
});
