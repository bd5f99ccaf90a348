"use client";
/**
 * The chat page following its conversation live: another tab's (or device's, or instance's)
 * messages and streaming replies, their final state, the title, a Clear history. While this tab's
 * own request streams, its response is authoritative for that turn and the live copy of it is
 * ignored; a gap (a reconnect, a chunk out of sequence, a message we never saw) re-reads the
 * newest page, merged so no text already shown is lost or repeated.
 */
import { useCallback, useRef, type Dispatch, type SetStateAction } from "react";
import { useRouter } from "next/navigation";
import { loadLatestMessagesAction } from "@/app/(app)/chat/actions";
import type { MessageDTO } from "@/lib/shared/chat/types";
import { applyLiveChunk, applyLiveMessage, mergeLatest, RESYNC, type Merged } from "@/components/chat/live-merge";
import { useLive } from "@/components/live/use-live";
import type { LiveSignal } from "@/components/live/live-connection";

export interface LiveConversationOptions {
  conversationId: string;
  setMessages: Dispatch<SetStateAction<MessageDTO[]>>;
  setTitle: (title: string) => void;
  /** This tab's own request is in flight. */
  ownRequest: () => { busy: boolean };
}

/** Returns `resyncIfDue`, for the session to call once its own request has finished (a re-read put off meanwhile runs then). */
export function useLiveConversation({ conversationId, setMessages, setTitle, ownRequest }: LiveConversationOptions): { resyncIfDue: () => void } {
  const router = useRouter();
  const running = useRef(false);
  const due = useRef(false);

  const resync = useCallback(async () => {
    due.current = true;
    if (running.current || ownRequest().busy) return;
    running.current = true;
    try {
      while (due.current) {
        due.current = false;
        const result = await loadLatestMessagesAction(conversationId);
        if (!result.ok) {
          // Deleted (here or elsewhere): the page shows its not-found state.
          if (result.error.code === "not_found:conversation") router.refresh();
          return;
        }
        if (ownRequest().busy) {
          due.current = true;
          return;
        }
        setMessages((shown) => mergeLatest(shown, result.data.messages, result.data.hasOlder));
        setTitle(result.data.title);
      }
    } finally {
      running.current = false;
    }
  }, [conversationId, ownRequest, router, setMessages, setTitle]);

  const fold = useCallback(
    (apply: (shown: MessageDTO[]) => Merged) =>
      setMessages((shown) => {
        const merged = apply(shown);
        if (merged !== RESYNC) return merged;
        queueMicrotask(() => void resync());
        return shown;
      }),
    [resync, setMessages],
  );

  useLive((signal: LiveSignal) => {
    if (signal.type === "open" || signal.type === "reset") return void resync();
    const ours = (signal.type === "message" || signal.type === "chunk") && signal.data.conversationId === conversationId;
    // This tab's own turn arrives on its own response; what else happened meanwhile is re-read after it.
    if (ours && ownRequest().busy) {
      due.current = true;
      return;
    }
    if (signal.type === "message" && ours) {
      fold((shown) => applyLiveMessage(shown, signal.data.message));
    } else if (signal.type === "chunk" && ours) {
      fold((shown) => applyLiveChunk(shown, signal.data));
    } else if (signal.type === "conversation" && signal.data.conversation.id === conversationId) {
      setTitle(signal.data.conversation.title);
    } else if (signal.type === "removed" && (signal.data.scope === "all" || signal.data.conversationId === conversationId)) {
      if (signal.data.scope === "cleared") setMessages([]);
      else router.refresh();
    }
  });

  const resyncIfDue = useCallback(() => {
    if (due.current) void resync();
  }, [resync]);
  return { resyncIfDue };
}
