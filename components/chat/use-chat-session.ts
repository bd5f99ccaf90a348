"use client";

import { errorMessage, type ErrorCode } from "@/lib/shared/errors";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ChatStreamEvent, MessageDTO, ProposalDTO, ReplyRequest } from "@/lib/shared/chat/types";
import { announceConversationsChanged } from "@/components/layout/conversation-events";
import { readNdjson } from "@/components/chat/read-ndjson";
import { startReply, type ReplyRefusal } from "@/components/chat/reply-request";
import { stopReplyAction } from "@/app/(app)/chat/actions";
import { streamingReply } from "@/components/chat/live-merge";
import { useLiveConversation } from "@/components/chat/use-live-conversation";

const PENDING_USER = "pending-user";
const PENDING_AI = "pending-ai";

export interface ChatSession {
  messages: MessageDTO[];
  title: string;
  /** True from the request until the stream ends, and while a reply streams from another tab or device. */
  busy: boolean;
  /** Id of the AI message currently receiving text (here or followed live), if any. */
  streamingId: string | null;
  /** Why the last request was refused before streaming (rate limit, too long, ...). */
  refusal: ReplyRefusal | null;
  /** The server's readable message per failed reply, by message id. */
  errorMessages: Record<string, string>;
  /** Resolves true once the server accepted the request (the text is saved), false if refused. */
  submit: (request: ReplyRequest) => Promise<boolean>;
  stop: () => void;
  dismissRefusal: () => void;
  addMessage: (message: MessageDTO) => void;
  /** Puts an older page in front of what is shown (scrolling up through a long conversation). */
  prependMessages: (older: MessageDTO[]) => void;
  /** Newer messages paged in after the last one shown (a page opened at a search match). */
  appendMessages: (newer: MessageDTO[]) => void;
  /** A proposal card was decided: keep its new state (and the plan as created). */
  updateProposal: (messageId: string, proposal: ProposalDTO) => void;
}

function now(): string {
  return new Date().toISOString();
}

function placeholder(id: string, sender: MessageDTO["sender"], message: string): MessageDTO {
  return { id, sender, kind: "message", message, timestamp: now(), status: sender === "ai" ? "streaming" : "complete" };
}

function lastIndexWhere(messages: readonly MessageDTO[], test: (message: MessageDTO) => boolean): number {
  for (let i = messages.length - 1; i >= 0; i--) if (test(messages[i]!)) return i;
  return -1;
}

/** What the list looks like while a request is in flight, before the server has answered. */
function optimistic(messages: MessageDTO[], request: ReplyRequest): MessageDTO[] {
  const lastUser = lastIndexWhere(messages, (m) => m.kind === "message" && m.sender === "user");
  if (request.mode === "send") return [...messages, placeholder(PENDING_USER, "user", request.text), placeholder(PENDING_AI, "ai", "")];
  if (request.mode === "edit" && lastUser >= 0) {
    return [...messages.slice(0, lastUser), { ...messages[lastUser]!, message: request.text }, placeholder(PENDING_AI, "ai", "")];
  }
  // Regenerate: the last AI reply (if it is the last turn) is replaced by the new one.
  const lastTurn = lastIndexWhere(messages, (m) => m.kind === "message");
  const kept = lastTurn >= 0 && messages[lastTurn]!.sender === "ai" ? messages.filter((_, i) => i !== lastTurn) : messages;
  return [...kept, placeholder(PENDING_AI, "ai", "")];
}

/** The conversation as the page shows it, plus the streaming reply flow (send, regenerate, edit, stop). */
export function useChatSession(conversationId: string, initialMessages: MessageDTO[], initialTitle: string): ChatSession {
  const [messages, setMessages] = useState<MessageDTO[]>(initialMessages);
  const [title, setTitle] = useState(initialTitle);
  const [busy, setBusy] = useState(false);
  const [streamingId, setStreamingId] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<ReplyRefusal | null>(null);
  const [errorMessages, setErrorMessages] = useState<Record<string, string>>({});
  const messagesRef = useRef(messages);
  const abortRef = useRef<AbortController | null>(null);
  const busyRef = useRef(false);
  /** This tab's own streaming reply, once the server named it; Stop pressed before that waits for it. */
  const replyIdRef = useRef<string | null>(null);
  const stopWantedRef = useRef(false);
  const ownRequest = useCallback(() => ({ busy: busyRef.current }), []);
  const { resyncIfDue } = useLiveConversation({ conversationId, setMessages, setTitle, ownRequest });

  useEffect(() => {
    messagesRef.current = messages;
  }, [messages]);

  // Leaving the page closes this tab's response; the reply itself goes on streaming into the
  // database (a reload or another tab picks it up) until it ends or someone presses Stop.
  // Deferred a tick so React's development double-mount does not close a response just opened.
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      setTimeout(() => {
        if (!mounted.current) abortRef.current?.abort();
      }, 0);
    };
  }, []);

  const patch = useCallback((id: string, change: (message: MessageDTO) => MessageDTO) => {
    setMessages((previous) => previous.map((message) => (message.id === id ? change(message) : message)));
  }, []);

  const consume = useCallback(
    async (body: ReadableStream<Uint8Array>, controller: AbortController) => {
      let replyId = PENDING_AI;
      let finished = false;
      setStreamingId(replyId);
      const fail = (code: ErrorCode, readable = errorMessage(code)) => {
        patch(replyId, (message) => ({ ...message, status: "error", errorCode: code }));
        setErrorMessages((previous) => ({ ...previous, [replyId]: readable }));
      };
      try {
        for await (const event of readNdjson<ChatStreamEvent>(body)) {
          if (event.type === "user") {
            const saved = event.message;
            setMessages((previous) =>
              previous.map((message) => (message.id === PENDING_USER || message.id === saved.id ? saved : message)),
            );
          } else if (event.type === "start") {
            const id = event.messageId;
            patch(replyId, (message) => ({ ...message, id }));
            replyId = id;
            replyIdRef.current = id;
            setStreamingId(id);
            if (stopWantedRef.current) void stopReplyAction(conversationId, id);
          } else if (event.type === "text") {
            patch(replyId, (message) => ({ ...message, message: message.message + event.text }));
          } else if (event.type === "done") {
            finished = true;
            patch(replyId, () => event.message);
            setStreamingId(null);
          } else if (event.type === "error") {
            finished = true;
            if (event.reply) patch(replyId, () => event.reply!);
            fail(event.code, event.message);
            setStreamingId(null);
          } else if (event.type === "title") {
            setTitle(event.title);
            announceConversationsChanged();
          }
        }
        if (!finished) fail("incomplete");
      } catch (error) {
        if (controller.signal.aborted) {
          patch(replyId, (message) => (message.status === "streaming" ? { ...message, status: "stopped" } : message));
        } else if (!finished) {
          fail("incomplete");
          console.error(error);
        }
      } finally {
        setStreamingId(null);
        abortRef.current = null;
        replyIdRef.current = null;
        stopWantedRef.current = false;
        busyRef.current = false;
        setBusy(false);
        resyncIfDue();
      }
    },
    [conversationId, patch, resyncIfDue],
  );

  const submit = useCallback(
    async (request: ReplyRequest): Promise<boolean> => {
      if (busyRef.current) return false;
      busyRef.current = true;
      setBusy(true);
      setRefusal(null);
      const before = messagesRef.current;
      setMessages(optimistic(before, request));
      const controller = new AbortController();
      abortRef.current = controller;
      let start: Awaited<ReturnType<typeof startReply>>;
      try {
        start = await startReply(conversationId, request, controller.signal);
      } catch {
        start = controller.signal.aborted
          ? { ok: false, refusal: { status: 0, code: "aborted", message: errorMessage("aborted") } }
          : { ok: false, refusal: { status: 0, code: "offline", message: errorMessage("offline") } };
      }
      if (!start.ok) {
        setMessages(before);
        setRefusal(start.refusal.code === "aborted" ? null : start.refusal);
        abortRef.current = null;
        busyRef.current = false;
        setBusy(false);
        return false;
      }
      void consume(start.body, controller);
      return true;
    },
    [consume, conversationId],
  );

  // Stop is recorded on the server, which stops the reply wherever it streams (this tab's request,
  // another tab's, another instance's) and keeps its text; the streams then end with it.
  const stop = useCallback(() => {
    const target = replyIdRef.current ?? (busyRef.current ? null : (streamingReply(messagesRef.current)?.id ?? null));
    if (target) void stopReplyAction(conversationId, target);
    else if (busyRef.current) stopWantedRef.current = true;
  }, [conversationId]);
  const dismissRefusal = useCallback(() => setRefusal(null), []);
  const addMessage = useCallback((message: MessageDTO) => setMessages((previous) => [...previous, message]), []);
  const prependMessages = useCallback((older: MessageDTO[]) => setMessages((previous) => [...older, ...previous]), []);
  const appendMessages = useCallback((newer: MessageDTO[]) => setMessages((previous) => [...previous, ...newer.filter((m) => !previous.some((p) => p.id === m.id))]), []);
  const updateProposal = useCallback((messageId: string, proposal: ProposalDTO) => patch(messageId, (message) => ({ ...message, proposal })), [patch]);

  const followed = streamingReply(messages);
  return { messages, title, busy: busy || followed !== undefined, streamingId: streamingId ?? followed?.id ?? null, refusal, errorMessages, submit, stop, dismissRefusal, addMessage, prependMessages, appendMessages, updateProposal };
}
