import Link from "next/link";

import { cn } from "@/components/ui/cn";
import type { FacetValue, SearchParams, SearchResult } from "@/lib/shared/search/schemas";

type FacetKey = "role" | "project" | "sender" | "status";

/** The page's URL with one parameter set or cleared (and the cursor reset). */
export function searchHref(params: Partial<SearchParams>, change: Partial<Record<keyof SearchParams, string | undefined>>): string {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...change, cursor: change.cursor })) {
    if (value !== undefined && value !== "") next.set(key, String(value));
  }
  return `/search?${next.toString()}`;
}

function FacetGroup({ title, facet, values, params }: { title: string; facet: FacetKey; values: FacetValue[]; params: Partial<SearchParams> }) {
  const selected = params[facet];
  if (values.length === 0 && !selected) return null;
  return (
    <div className="grid gap-1">
      <h2 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{title}</h2>
      <ul className="flex flex-wrap gap-1.5 md:grid md:gap-1">
        {values.map((v) => {
          const active = selected === v.value;
          return (
            <li key={v.value}>
              <Link
                href={searchHref(params, { [facet]: active ? undefined : v.value })}
                aria-current={active ? "true" : undefined}
                className={cn("inline-flex items-center gap-1 rounded-md border px-2 py-1 text-sm hover:bg-muted", active && "border-primary bg-primary/10 font-medium")}
              >
                {v.label} <span className="text-xs text-muted-foreground">{v.count}</span>
              </Link>
            </li>
          );
        })}
        {selected && !values.some((v) => v.value === selected) && (
          <li>
            <Link href={searchHref(params, { [facet]: undefined })} className="text-sm underline">
              Clear {title.toLowerCase()}
            </Link>
          </li>
        )}
      </ul>
    </div>
  );
}

/** Narrowing by role, project, who said it and task status; each is a link, so it works without script. */
export function SearchFacets({ facets, params }: { facets: SearchResult["facets"]; params: Partial<SearchParams> }) {
  return (
    <nav aria-label="Narrow the results" className="grid content-start gap-4">
      <FacetGroup title="Said by" facet="sender" values={facets.senders} params={params} />
      <FacetGroup title="Role" facet="role" values={facets.roles} params={params} />
      <FacetGroup title="Project" facet="project" values={facets.projects} params={params} />
      <FacetGroup title="Task status" facet="status" values={facets.statuses} params={params} />
    </nav>
  );
}
