"use client";

import { useDeferredValue, useMemo, useState } from "react";
import { SearchIcon, SearchXIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import type { RoleSummary } from "@/lib/shared/chat/types";
import { RoleCard } from "@/components/roles/role-card";

const ALL = "All";

function matches(role: RoleSummary, query: string): boolean {
  if (!query) return true;
  const haystack = `${role.name} ${role.description} ${role.category}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** Search box, category chips and the grid of role cards, filtered in the browser. */
export function RoleCatalog({ roles }: { roles: RoleSummary[] }) {
  const [query, setQuery] = useState("");
  const [category, setCategory] = useState(ALL);
  const deferredQuery = useDeferredValue(query.trim());
  const categories = useMemo(() => [ALL, ...Array.from(new Set(roles.map((role) => role.category))).sort()], [roles]);
  const visible = roles.filter((role) => (category === ALL || role.category === category) && matches(role, deferredQuery));

  return (
    <div className="grid gap-5">
      <div className="grid gap-3">
        <div className="relative max-w-md">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
          <label htmlFor="role-search" className="sr-only">
            Search roles
          </label>
          <Input
            id="role-search"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder="Search roles…"
            className="pl-9"
            autoComplete="off"
          />
        </div>
        <div role="group" aria-label="Filter by category" className="flex flex-wrap gap-2">
          {categories.map((name) => (
            <Button
              key={name}
              type="button"
              size="sm"
              variant={category === name ? "default" : "outline"}
              aria-pressed={category === name}
              onClick={() => setCategory(name)}
              className={cn("rounded-full")}
            >
              {name}
            </Button>
          ))}
        </div>
      </div>
      <p className="sr-only" aria-live="polite">
        {visible.length === 1 ? "1 role" : `${visible.length} roles`}
      </p>
      {visible.length === 0 ? (
        <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed px-6 py-12 text-center">
          <SearchXIcon className="size-6 text-muted-foreground" aria-hidden="true" />
          <p className="font-medium">No roles match your search</p>
          <p className="text-sm text-muted-foreground">Try another word or category, or create your own role.</p>
          <Button
            variant="outline"
            size="sm"
            onClick={() => {
              setQuery("");
              setCategory(ALL);
            }}
          >
            Clear filters
          </Button>
        </div>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {visible.map((role) => (
            <RoleCard key={role.id} role={role} />
          ))}
        </ul>
      )}
    </div>
  );
}
