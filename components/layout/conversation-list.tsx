"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { Loader2Icon, MessagesSquareIcon } from "lucide-react";
import { toast } from "sonner";

import { Skeleton } from "@/components/ui/skeleton";
import { deleteConversationAction } from "@/app/(app)/chat/actions";
import type { ConversationSummary } from "@/lib/shared/chat/types";
import { ClearHistoryButton } from "@/components/layout/clear-history-button";
import { ConfirmDialog } from "@/components/layout/confirm-dialog";
import { ConversationItem } from "@/components/layout/conversation-item";
import { groupConversations } from "@/components/layout/group-conversations";
import { RenameConversationDialog } from "@/components/layout/rename-conversation-dialog";
import { useConversationList } from "@/components/layout/use-conversation-list";

export interface ConversationListProps {
  onNavigate?: () => void;
}

function activeConversationId(pathname: string): string | null {
  const match = /^\/chat\/([^/]+)/.exec(pathname);
  return match?.[1] ?? null;
}

/** The user's conversations, grouped by recency, loading more as the end scrolls into view. */
export function ConversationList({ onNavigate }: ConversationListProps) {
  const list = useConversationList();
  const { items, reload, loadMore, hasMore, settled, update } = list;
  const pathname = usePathname();
  const router = useRouter();
  const activeId = activeConversationId(pathname);
  const sentinel = useRef<HTMLDivElement>(null);
  const [renaming, setRenaming] = useState<ConversationSummary | null>(null);
  const [deleting, setDeleting] = useState<ConversationSummary | null>(null);
  const groups = useMemo(() => groupConversations(items, new Date()), [items]);

  // A chat opened from elsewhere (e.g. "Start chat") that the list does not know yet: reload.
  const known = activeId === null || items.some((item) => item.id === activeId);
  useEffect(() => {
    if (!known && !list.initialLoading) reload();
  }, [known, list.initialLoading, reload]);

  // Observed afresh after every read: a new observer reports at once whether the end is in view,
  // so a scroll that reached it while a reload was in flight (and was refused) is not lost.
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasMore) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) loadMore();
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasMore, loadMore, settled]);

  async function confirmDelete(conversation: ConversationSummary) {
    const result = await deleteConversationAction(conversation.id);
    if (!result.ok) {
      toast.error(result.error.message);
      return;
    }
    update((previous) => previous.filter((item) => item.id !== conversation.id));
    toast.success("Conversation deleted.");
    if (conversation.id === activeId) router.push("/roles");
  }

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      {list.initialLoading ? (
        <div className="grid gap-2 px-3" aria-label="Loading conversations" role="status">
          <Skeleton className="h-5 w-3/4" />
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-5 w-1/2" />
        </div>
      ) : items.length === 0 ? (
        <div className="mx-1 flex flex-col items-center gap-2 rounded-lg border border-dashed px-3 py-6 text-center">
          <MessagesSquareIcon className="size-5 text-muted-foreground" aria-hidden="true" />
          <p className="text-sm font-medium">No conversations yet</p>
          <p className="text-xs text-muted-foreground">
            <Link href="/roles" onClick={onNavigate} className="underline underline-offset-4 hover:text-foreground">
              Pick a role
            </Link>{" "}
            to start one.
          </p>
        </div>
      ) : (
        <div className="grid min-h-0 gap-3 overflow-y-auto" data-testid="conversation-list">
          {groups.map((group) => (
            <section key={group.label} aria-label={group.label} className="grid gap-0.5">
              <h3 className="px-3 pb-1 text-xs font-medium text-muted-foreground">{group.label}</h3>
              <ul className="grid gap-0.5">
                {group.items.map((conversation) => (
                  <ConversationItem
                    key={conversation.id}
                    conversation={conversation}
                    active={conversation.id === activeId}
                    onNavigate={onNavigate}
                    onRename={setRenaming}
                    onDelete={setDeleting}
                  />
                ))}
              </ul>
            </section>
          ))}
          {hasMore && (
            <div ref={sentinel} className="flex justify-center py-2" role="status" aria-label="Loading more conversations">
              {list.loadingMore && <Loader2Icon className="size-4 animate-spin text-muted-foreground" aria-hidden="true" />}
            </div>
          )}
        </div>
      )}
      {list.error && (
        <p role="alert" className="px-3 text-xs text-destructive">
          {list.error}
        </p>
      )}
      {items.length > 0 && (
        <ClearHistoryButton
          onCleared={() => {
            update(() => []);
            if (activeId) router.push("/roles");
          }}
        />
      )}
      <RenameConversationDialog
        conversation={renaming}
        onClose={() => setRenaming(null)}
        onRenamed={(id, title) => update((previous) => previous.map((item) => (item.id === id ? { ...item, title } : item)))}
      />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title="Delete this conversation?"
        description={deleting ? `“${deleting.title}” and its messages will be deleted. This cannot be undone.` : ""}
        confirmLabel="Delete"
        onConfirm={async () => {
          if (deleting) await confirmDelete(deleting);
        }}
      />
    </div>
  );
}
