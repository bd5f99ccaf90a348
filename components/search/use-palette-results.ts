"use client";

import { useEffect, useState } from "react";
import type { SearchResult, Snippet } from "@/lib/shared/search/schemas";

export interface PaletteItem {
  key: string;
  href: string;
  context: string;
  label?: string;
  snippet?: Snippet;
}

type State = "idle" | "loading" | "done" | "error";

/** Pause after typing before asking: one request per pause, not per key. */
const DEBOUNCE_MS = 200;

function toItems(query: string, result: SearchResult): PaletteItem[] {
  const hits = result.groups.flatMap((group) =>
    group.hits.slice(0, 2).map((hit) => ({
      key: `${hit.kind}:${hit.id}`,
      href: hit.href,
      context: [group.title, group.roleName].filter(Boolean).join(" · "),
      snippet: hit.snippet,
    })),
  );
  return [...hits.slice(0, 8), { key: "all", href: `/search?q=${encodeURIComponent(query)}`, context: "Search page", label: `All results for “${query}”` }];
}

async function problemMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { detail?: string } | null;
  return body?.detail ?? "Search failed. Try again.";
}

/** The palette's results for a query, fetched from GET /api/v1/search (the session cookie signs it). */
export function usePaletteResults(query: string): { items: PaletteItem[]; state: State; message: string } {
  const [answer, setAnswer] = useState<{ query: string; items: PaletteItem[]; state: State; message: string }>({ query: "", items: [], state: "idle", message: "" });
  const trimmed = query.trim();

  useEffect(() => {
    if (!trimmed) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setAnswer((was) => ({ ...was, state: "loading", message: "Searching…" }));
      try {
        const response = await fetch(`/api/v1/search?limit=6&q=${encodeURIComponent(trimmed)}`, { signal: controller.signal });
        if (!response.ok) return setAnswer({ query: trimmed, items: [], state: "error", message: await problemMessage(response) });
        const result = (await response.json()) as SearchResult;
        const items = toItems(trimmed, result);
        const message = items.length > 1 ? `${items.length - 1} results` : (result.notice ?? "No results");
        setAnswer({ query: trimmed, items, state: "done", message });
      } catch (error) {
        if (!controller.signal.aborted) setAnswer({ query: trimmed, items: [], state: "error", message: error instanceof Error ? "Search failed. Check your connection." : "Search failed." });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [trimmed]);

  if (!trimmed) return { items: [], state: "idle", message: "Type to search." };
  return answer.query === trimmed || answer.state === "loading" ? answer : { ...answer, items: [], state: "loading", message: "Searching…" };
}
