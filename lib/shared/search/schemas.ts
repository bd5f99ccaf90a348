/**
 * Search requests and results, one schema for the page, the palette and GET /api/v1/search.
 * Facets narrow by role, project, sender, date range and task status; paging is by an opaque cursor.
 */
import { z } from "zod";
import { SEARCH_QUERY_MAX_CHARS } from "@/lib/shared/search/parse-query";

export const SEARCH_PAGE_SIZE = 20;
const isoDate = z.iso.date();

export const searchParamsSchema = z
  .object({
    q: z.string().trim().min(1, "Type something to search for.").max(SEARCH_QUERY_MAX_CHARS, `Search for at most ${SEARCH_QUERY_MAX_CHARS} characters.`),
    role: z.string().max(100).optional(),
    project: z.string().regex(/^[0-9a-f]{24}$/, "project must be a project id.").optional(),
    sender: z.enum(["user", "ai"]).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    status: z.enum(["todo", "doing", "done"]).optional(),
    cursor: z.string().max(20).regex(/^\d+$/, "cursor is not valid.").optional(),
    limit: z.coerce.number().int().min(1).max(50).optional(),
  })
  .meta({ id: "SearchParams" });
export type SearchParams = z.infer<typeof searchParamsSchema>;

export const snippetSchema = z
  .array(z.object({ text: z.string(), match: z.boolean() }))
  .meta({ id: "Snippet", description: "The matched text around the first match, in pieces; `match` marks the matched words." });
export type Snippet = z.infer<typeof snippetSchema>;

const hitSchema = z.object({
  kind: z.enum(["message", "title", "project", "task"]),
  id: z.string(),
  snippet: snippetSchema,
  sender: z.enum(["user", "ai"]).optional(),
  status: z.enum(["todo", "doing", "done"]).optional(),
  date: z.iso.datetime(),
  score: z.number(),
  /** Where the hit opens: a conversation at the message, or a project's board. */
  href: z.string(),
});
export type SearchHit = z.infer<typeof hitSchema>;

export const searchGroupSchema = z
  .object({
    kind: z.enum(["conversation", "project"]),
    id: z.string(),
    title: z.string(),
    roleId: z.string().optional(),
    roleName: z.string().optional(),
    projectId: z.string().optional(),
    projectName: z.string().optional(),
    date: z.iso.datetime(),
    href: z.string(),
    hits: z.array(hitSchema),
  })
  .meta({ id: "SearchGroup" });
export type SearchGroup = z.infer<typeof searchGroupSchema>;

const facetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export type FacetValue = z.infer<typeof facetValue>;

export const searchResultSchema = z
  .object({
    groups: z.array(searchGroupSchema),
    nextCursor: z.string().nullable(),
    facets: z.object({ roles: z.array(facetValue), projects: z.array(facetValue), senders: z.array(facetValue), statuses: z.array(facetValue) }),
    /** Words MongoDB ignores (stop words) or a query of only exclusions: shown to explain an empty result. */
    notice: z.string().optional(),
  })
  .meta({ id: "SearchResult" });
export type SearchResult = z.infer<typeof searchResultSchema>;
