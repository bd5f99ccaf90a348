/** The search box's language: words, "phrases", -exclusions, and every odd input read as plain text. */
import { describe, expect, it } from "vitest";
import { hasSearchTerms, parseSearchQuery, SEARCH_MAX_PARTS, toTextSearch } from "@/lib/shared/search/parse-query";

describe("parseSearchQuery", () => {
  it("reads words, phrases and exclusions, lower-cased and once each", () => {
    expect(parseSearchQuery('Pension "index Funds" -crypto -"get rich" pension')).toEqual({
      words: ["pension"],
      phrases: ["index funds"],
      excludedWords: ["crypto"],
      excludedPhrases: ["get rich"],
    });
  });

  it("treats regex and operator characters as separators, never as syntax", () => {
    expect(parseSearchQuery(".*(pension)+ [a-z] {$gt: 1}").words).toEqual(["pension", "a", "z", "gt", "1"]);
    expect(toTextSearch(parseSearchQuery('a\\"b'))).not.toMatch(/\\/);
  });

  it("reads an unbalanced quote as a word boundary", () => {
    expect(parseSearchQuery('"index funds')).toMatchObject({ words: ["index", "funds"], phrases: [] });
    expect(parseSearchQuery('"a b" "c d')).toMatchObject({ words: ["c", "d"], phrases: ["a b"] });
  });

  it("keeps a hyphen inside a word as part of the text, not an exclusion", () => {
    expect(parseSearchQuery("pre-market")).toMatchObject({ words: ["pre", "market"], excludedWords: [] });
  });

  it("bounds the number of parts and knows when nothing is searched for", () => {
    expect(parseSearchQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(" ")).words).toHaveLength(SEARCH_MAX_PARTS);
    expect(hasSearchTerms(parseSearchQuery("-only -exclusions"))).toBe(false);
    expect(hasSearchTerms(parseSearchQuery('"" ()'))).toBe(false);
  });

  it("writes MongoDB's $search: bare words, quoted phrases, negated exclusions", () => {
    expect(toTextSearch(parseSearchQuery('invest "index funds" -crypto -"get rich"'))).toBe('invest "index funds" -crypto -"get rich"');
  });
});
