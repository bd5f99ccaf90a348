import { SearchIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { SearchParams } from "@/lib/shared/search/schemas";

const KEPT: (keyof SearchParams)[] = ["role", "project", "sender", "status"];

/** A plain GET form (works without script): the query, the date range, and the facets chosen so far. */
export function SearchForm({ params, error }: { params: Partial<SearchParams>; error?: string }) {
  return (
    <form action="/search" method="get" role="search" className="grid gap-3">
      <div className="grid gap-1.5">
        <Label htmlFor="search-q">Search</Label>
        <div className="flex gap-2">
          <Input
            id="search-q"
            name="q"
            type="search"
            defaultValue={params.q ?? ""}
            placeholder='Words, "a phrase", -leave out'
            maxLength={200}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "search-q-error" : "search-q-help"}
            autoFocus
          />
          <Button type="submit">
            <SearchIcon aria-hidden="true" />
            Search
          </Button>
        </div>
        {error ? (
          <p id="search-q-error" className="text-sm text-destructive">
            {error}
          </p>
        ) : (
          <p id="search-q-help" className="text-xs text-muted-foreground">
            Every word must match (“invest” finds “investing”); quote a phrase; put - before a word to leave it out.
          </p>
        )}
      </div>
      <fieldset className="flex flex-wrap items-end gap-3">
        <legend className="sr-only">Date range</legend>
        <div className="grid gap-1">
          <Label htmlFor="search-from">From</Label>
          <Input id="search-from" name="from" type="date" defaultValue={params.from ?? ""} className="w-40" />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="search-to">To</Label>
          <Input id="search-to" name="to" type="date" defaultValue={params.to ?? ""} className="w-40" />
        </div>
      </fieldset>
      {KEPT.map((key) => (params[key] ? <input key={key} type="hidden" name={key} value={String(params[key])} /> : null))}
    </form>
  );
}
