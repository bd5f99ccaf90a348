import type { Metadata } from "next";
import Link from "next/link";
import { SearchXIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { SearchFacets, searchHref } from "@/components/search/search-facets";
import { SearchForm } from "@/components/search/search-form";
import { SearchResults } from "@/components/search/search-results";
import { requireUser } from "@/lib/server/services/auth/session";
import { toOwner } from "@/lib/server/services/owner";
import { search } from "@/lib/server/services/search/search-service";
import { AppError } from "@/lib/shared/errors";
import { searchParamsSchema, type SearchParams, type SearchResult } from "@/lib/shared/search/schemas";

export const metadata: Metadata = { title: "Search" };

interface SearchPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The first value of each parameter, as strings (repeated or odd parameters never reach the service). */
function firstValues(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : Array.isArray(value) && value[0] ? [[key, value[0]]] : [])));
}

type Outcome = { result: SearchResult } | { error: string } | null;

async function run(userOwner: ReturnType<typeof toOwner>, values: Record<string, string>): Promise<{ params: Partial<SearchParams>; outcome: Outcome }> {
  if (!values.q?.trim()) return { params: values, outcome: null };
  const parsed = searchParamsSchema.safeParse(values);
  if (!parsed.success) return { params: values, outcome: { error: parsed.error.issues[0]?.message ?? "The search is not valid." } };
  try {
    return { params: parsed.data, outcome: { result: await search(userOwner, parsed.data) } };
  } catch (error) {
    if (error instanceof AppError) return { params: parsed.data, outcome: { error: error.message } };
    throw error;
  }
}

export default async function SearchPage({ searchParams }: SearchPageProps) {
  const user = await requireUser("/search");
  const { params, outcome } = await run(toOwner(user), firstValues(await searchParams));
  const result = outcome && "result" in outcome ? outcome.result : undefined;
  return (
    <div className="mx-auto grid w-full max-w-5xl gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">Search</h1>
      <SearchForm params={params} error={outcome && "error" in outcome ? outcome.error : undefined} />
      {outcome === null && <p className="text-sm text-muted-foreground">Search everything you wrote and were told: messages, conversation titles, projects and tasks. Press Ctrl K (⌘ K) anywhere to search quickly.</p>}
      {result && (
        <div className="grid gap-6 md:grid-cols-[12rem_1fr]">
          <SearchFacets facets={result.facets} params={params} />
          <section aria-live="polite" className="grid content-start gap-4">
            {result.groups.length === 0 ? (
              <div className="grid justify-items-center gap-2 rounded-lg border border-dashed p-8 text-center">
                <SearchXIcon aria-hidden="true" className="size-8 text-muted-foreground" />
                <p className="font-medium">No results</p>
                <p className="text-sm text-muted-foreground">{result.notice ?? "Try fewer words, or another form of a word."}</p>
              </div>
            ) : (
              <SearchResults groups={result.groups} />
            )}
            {result.nextCursor && (
              <Button asChild variant="outline" className="justify-self-center">
                <Link href={searchHref(params, { cursor: result.nextCursor })}>More results</Link>
              </Button>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
