import Link from "next/link";
import { FolderKanbanIcon, MessageSquareIcon } from "lucide-react";

import { Badge } from "@/components/ui/badge";
import { HighlightedSnippet } from "@/components/search/highlighted-snippet";
import type { SearchGroup, SearchHit } from "@/lib/shared/search/schemas";

const DATE = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

function hitLabel(hit: SearchHit): string {
  if (hit.kind === "message") return hit.sender === "user" ? "You" : "AI";
  if (hit.kind === "title") return "Title";
  if (hit.kind === "task") return `Task · ${hit.status ?? ""}`;
  return "Project";
}

function GroupHeader({ group }: { group: SearchGroup }) {
  const Icon = group.kind === "project" ? FolderKanbanIcon : MessageSquareIcon;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Icon aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
      <h2 className="min-w-0 font-medium break-words">
        <Link href={group.href} className="hover:underline">
          {group.title}
        </Link>
      </h2>
      {group.roleName && <Badge variant="secondary">{group.roleName}</Badge>}
      {group.projectName && group.kind === "conversation" && <Badge variant="outline">{group.projectName}</Badge>}
      <time dateTime={group.date} className="ml-auto text-xs text-muted-foreground">
        {DATE.format(new Date(group.date))}
      </time>
    </div>
  );
}

/** Results grouped by conversation or project; each hit links to where it is. */
export function SearchResults({ groups }: { groups: SearchGroup[] }) {
  return (
    <ol className="grid gap-3" aria-label="Search results">
      {groups.map((group) => (
        <li key={`${group.kind}:${group.id}`} className="grid gap-2 rounded-lg border p-3">
          <GroupHeader group={group} />
          <ul className="grid gap-1.5">
            {group.hits.map((hit) => (
              <li key={`${hit.kind}:${hit.id}`}>
                <Link href={hit.href} className="block rounded-md p-2 text-sm hover:bg-muted focus-visible:bg-muted" data-testid="search-hit">
                  <span className="mr-2 text-xs font-medium text-muted-foreground">{hitLabel(hit)}</span>
                  <HighlightedSnippet snippet={hit.snippet} />
                  <time dateTime={hit.date} className="ml-2 text-xs text-muted-foreground">
                    {DATE.format(new Date(hit.date))}
                  </time>
                </Link>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
