"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { SearchIcon } from "lucide-react";

import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { HighlightedSnippet } from "@/components/search/highlighted-snippet";
import { usePaletteResults, type PaletteItem } from "@/components/search/use-palette-results";

/** Ctrl-K / ⌘-K from anywhere: type, move with the arrow keys, Enter opens, Escape closes. */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const router = useRouter();
  const { items, state, message } = usePaletteResults(open ? query : "");
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setOpen((was) => !was);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const choose = (item: PaletteItem | undefined) => {
    if (!item) return;
    setOpen(false);
    router.push(item.href);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((at) => (items.length ? (at + step + items.length) % items.length : 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose(items[active]);
    }
  };

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogContent className="top-[15%] max-w-xl translate-y-0 gap-3 p-3">
        <DialogTitle className="sr-only">Search</DialogTitle>
        <DialogDescription className="sr-only">Type to search your conversations, projects and tasks; use the arrow keys and Enter to open a result.</DialogDescription>
        <div className="flex items-center gap-2 border-b pb-2">
          <SearchIcon aria-hidden="true" className="size-4 text-muted-foreground" />
          <input
            role="combobox"
            aria-expanded={items.length > 0}
            aria-controls="palette-results"
            aria-activedescendant={items[active] ? `palette-item-${active}` : undefined}
            aria-label="Search"
            autoFocus
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            placeholder='Search… (words, "a phrase", -leave out)'
            maxLength={200}
            className="w-full bg-transparent py-1 text-sm outline-none"
          />
        </div>
        <p className="px-1 text-xs text-muted-foreground" aria-live="polite">
          {message}
        </p>
        <ul id="palette-results" role="listbox" ref={listRef} aria-label="Results" aria-busy={state === "loading"} className="grid max-h-[60dvh] gap-1 overflow-y-auto">
          {items.map((item, i) => (
            <li
              key={item.key}
              id={`palette-item-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(item)}
              className="cursor-pointer rounded-md p-2 text-sm aria-selected:bg-muted"
            >
              <span className="block text-xs font-medium text-muted-foreground">{item.context}</span>
              {item.snippet ? <HighlightedSnippet snippet={item.snippet} /> : item.label}
            </li>
          ))}
        </ul>
      </DialogContent>
    </Dialog>
  );
}
