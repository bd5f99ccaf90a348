/** Snippets: a window around the first match, matched words marked by stem, text never markup. */
import { describe, expect, it } from "vitest";
import { buildSnippet } from "@/lib/server/services/search/snippet";
import { stemOf } from "@/lib/server/services/search/stems";

const stems = (...words: string[]) => new Set(words.map(stemOf));
const marked = (pieces: { text: string; match: boolean }[]) => pieces.filter((p) => p.match).map((p) => p.text);

describe("buildSnippet", () => {
  it("marks every form of a matched word (stem-aware, case and accents ignored)", () => {
    const pieces = buildSnippet("Investing early; I invested in Café funds and INVEST more.", stems("invest", "cafe"));
    expect(marked(pieces)).toEqual(["Investing", "invested", "Café", "INVEST"]);
    expect(pieces.map((p) => p.text).join("")).toBe("Investing early; I invested in Café funds and INVEST more.");
  });

  it("cuts a long text around the first match at word boundaries", () => {
    const text = `${"filler ".repeat(60)}the pension question ${"tail ".repeat(60)}`;
    const pieces = buildSnippet(text, stems("pension"));
    const joined = pieces.map((p) => p.text).join("");
    expect(joined.startsWith("…")).toBe(true);
    expect(joined.endsWith("…")).toBe(true);
    expect(joined).toContain("pension");
    expect(joined.length).toBeLessThan(240);
    expect(joined).toMatch(/^…(filler|the) /);
    expect(joined).toMatch(/ (tail|question)…$/);
  });

  it("keeps markup in a message as plain text", () => {
    const pieces = buildSnippet("<b>pension</b> & <script>", stems("pension"));
    expect(pieces).toEqual([
      { text: "<b>", match: false },
      { text: "pension", match: true },
      { text: "</b> & <script>", match: false },
    ]);
  });
});
