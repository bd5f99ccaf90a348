"use client";

import { useState, type ClipboardEvent, type DragEvent, type FormEvent, type KeyboardEvent } from "react";
import { ArrowUpIcon, SquareIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/components/ui/cn";
import { AttachButton, limitsText } from "@/components/chat/attachments/attach-button";
import { AttachmentChips } from "@/components/chat/attachments/attachment-chips";
import type { AttachmentsState } from "@/components/chat/attachments/use-attachments";
import type { AttachmentLimits } from "@/lib/shared/attachments/types";

export interface ComposerProps {
  busy: boolean;
  maxChars: number;
  /** Resolves true once the server accepted the text; only then is the box cleared. */
  onSend: (text: string) => Promise<boolean>;
  onStop: () => void;
  /** Text to start with (e.g. restored after a refusal). */
  initialText?: string;
  /** Files: picker, drop and paste; onSend is called once every upload has finished. */
  attach?: { state: AttachmentsState; limits: AttachmentLimits };
}

/** Shown once the message passes this share of the limit. */
const COUNTER_FROM = 0.8;

/** The message box: Enter sends, Shift+Enter adds a line, Stop replaces Send while a reply streams. */
export function Composer({ busy, maxChars, onSend, onStop, initialText = "", attach }: ComposerProps) {
  const [text, setText] = useState(initialText);
  const [sending, setSending] = useState(false);
  const [dragging, setDragging] = useState(false);
  const tooLong = text.length > maxChars;
  const uploading = attach?.state.files.some((file) => file.status === "uploading") ?? false;
  // Files alone make a message too (a screenshot needs no caption).
  const hasFiles = attach?.state.files.some((file) => file.status === "ready") ?? false;
  const canSend = !busy && !sending && !tooLong && !uploading && (text.trim().length > 0 || hasFiles);

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const files = Array.from(event.clipboardData.files);
    if (!attach || files.length === 0) return;
    // A pasted screenshot becomes an attachment; pasted text stays text.
    event.preventDefault();
    attach.state.add(files);
  }

  function onDrop(event: DragEvent<HTMLFormElement>) {
    setDragging(false);
    if (!attach || event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    attach.state.add(Array.from(event.dataTransfer.files));
  }

  async function send() {
    if (!canSend) return;
    setSending(true);
    try {
      // The text stays in the box until the server has it: a refusal (429, too long) loses nothing.
      if (await onSend(text)) setText("");
    } finally {
      setSending(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void send();
  }

  return (
    <form
      onSubmit={onSubmit}
      onDragOver={(event) => {
        if (!attach || !event.dataTransfer.types.includes("Files")) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      className={cn("rounded-xl border bg-background p-2 shadow-sm focus-within:ring-[3px] focus-within:ring-ring/30", dragging && "border-primary ring-[3px] ring-primary/30")}
    >
      {attach && <AttachmentChips files={attach.state.files} onRemove={attach.state.remove} />}
      <label htmlFor="chat-message" className="sr-only">
        Message
      </label>
      <Textarea
        id="chat-message"
        name="message"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        placeholder="Type a message… (Enter to send, Shift+Enter for a new line)"
        aria-invalid={tooLong || undefined}
        aria-describedby={text.length >= maxChars * COUNTER_FROM ? "chat-message-counter" : undefined}
        className="max-h-48 min-h-12 resize-none border-0 shadow-none focus-visible:ring-0 dark:bg-transparent"
        rows={1}
      />
      <div className="flex items-center justify-between gap-2 px-1 pt-1">
        {attach && (
          <div className="flex min-w-0 items-center gap-2">
            <AttachButton onFiles={attach.state.add} disabled={busy} />
            <p id="attach-limits" role="status" className={cn("hidden text-xs text-muted-foreground sm:block", attach.state.notice && "block text-destructive")}>
              {attach.state.notice ?? limitsText(attach.limits)}
            </p>
          </div>
        )}
        <p
          id="chat-message-counter"
          aria-live="polite"
          className={cn("text-xs text-muted-foreground tabular-nums", tooLong && "font-medium text-destructive")}
        >
          {text.length >= maxChars * COUNTER_FROM &&
            `${text.length.toLocaleString()} / ${maxChars.toLocaleString()}${tooLong ? " — too long" : ""}`}
        </p>
        {busy ? (
          <Button type="button" size="sm" variant="secondary" onClick={onStop}>
            <SquareIcon aria-hidden="true" className="fill-current" />
            Stop
          </Button>
        ) : (
          <Button type="submit" size="sm" disabled={!canSend} aria-label="Send message">
            <ArrowUpIcon aria-hidden="true" />
            Send
          </Button>
        )}
      </div>
    </form>
  );
}
