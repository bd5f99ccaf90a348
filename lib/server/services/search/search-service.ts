/**
 * Search across a user's messages, conversation titles, projects and tasks — only ever the
 * caller's own. Rate limited per user; a query is parsed by the box's rules (lib/shared/search),
 * sent to MongoDB's `$text` (the text indexes), and the answer grouped, faceted and paged.
 */
import "server-only";
import { AppError } from "@/lib/shared/errors";
import { hasSearchTerms, parseSearchQuery, toTextSearch } from "@/lib/shared/search/parse-query";
import { SEARCH_PAGE_SIZE, type SearchParams, type SearchResult } from "@/lib/shared/search/schemas";
import { getEnv } from "@/lib/server/infra/env";
import type { RateLimitRule } from "@/lib/server/infra/http/rate-limit";
import { enforceRateLimit } from "@/lib/server/services/limits/rate-limit";
import { findCandidates, type Sources } from "@/lib/server/services/search/candidates";
import { buildResult } from "@/lib/server/services/search/results";
import { requiredStems, stemOf } from "@/lib/server/services/search/stems";
import type { Owner } from "@/models/conversations";

/** Searches per user per minute: typing in the palette sends one per pause, so the default is generous. */
export function searchRateLimitRule(): RateLimitRule {
  return { name: "search:user", limit: getEnv().SEARCH_RATE_LIMIT_PER_MINUTE, windowS: 60 };
}

const EMPTY: SearchResult = { groups: [], nextCursor: null, facets: { roles: [], projects: [], senders: [], statuses: [] } };

/** Which collections a facet leaves in play: a sender is only on messages, a status only on tasks. */
function sourcesFor(params: SearchParams): Sources {
  if (params.sender) return { messages: true, titles: false, projects: false, tasks: false };
  if (params.status) return { messages: false, titles: false, projects: false, tasks: true };
  return { messages: true, titles: true, projects: true, tasks: true };
}

export async function search(owner: Owner, params: SearchParams): Promise<SearchResult> {
  await enforceRateLimit(searchRateLimitRule(), owner.toHexString(), "rate_limited:search");
  const parsed = parseSearchQuery(params.q);
  if (!hasSearchTerms(parsed)) {
    if (parsed.excludedWords.length || parsed.excludedPhrases.length) return { ...EMPTY, notice: "Add a word to look for: -word only leaves results out." };
    throw new AppError("invalid:search", "Type a word to search for.", { fields: { q: ["Type a word to search for."] } });
  }
  const required = requiredStems(parsed.words);
  if (required.length === 0 && parsed.phrases.length === 0) return { ...EMPTY, notice: "Words like “the” and “of” are too common to search for." };
  const highlight = new Set([...required, ...parsed.phrases.flatMap((p) => p.split(" ").map(stemOf))]);
  const candidates = await findCandidates(owner, toTextSearch(parsed), required, sourcesFor(params));
  return buildResult(candidates, highlight, params, params.limit ?? SEARCH_PAGE_SIZE);
}
