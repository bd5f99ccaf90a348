"use client";

import { useState, type FormEvent, type KeyboardEvent } from "react";
import { ArrowUpIcon, SquareIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/components/ui/cn";

export interface ComposerProps {
  busy: boolean;
  maxChars: number;
  /** Resolves true once the server accepted the text; only then is the box cleared. */
  onSend: (text: string) => Promise<boolean>;
  onStop: () => void;
  /** Text to start with (e.g. restored after a refusal). */
  initialText?: string;
}

/** Shown once the message passes this share of the limit. */
const COUNTER_FROM = 0.8;

/** The message box: Enter sends, Shift+Enter adds a line, Stop replaces Send while a reply streams. */
export function Composer({ busy, maxChars, onSend, onStop, initialText = "" }: ComposerProps) {
  const [text, setText] = useState(initialText);
  const [sending, setSending] = useState(false);
  const tooLong = text.length > maxChars;
  const canSend = !busy && !sending && !tooLong && text.trim().length > 0;

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
    <form onSubmit={onSubmit} className="rounded-xl border bg-background p-2 shadow-sm focus-within:ring-[3px] focus-within:ring-ring/30">
      <label htmlFor="chat-message" className="sr-only">
        Message
      </label>
      <Textarea
        id="chat-message"
        name="message"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Type a message… (Enter to send, Shift+Enter for a new line)"
        aria-invalid={tooLong || undefined}
        aria-describedby={text.length >= maxChars * COUNTER_FROM ? "chat-message-counter" : undefined}
        className="max-h-48 min-h-12 resize-none border-0 shadow-none focus-visible:ring-0 dark:bg-transparent"
        rows={1}
      />
      <div className="flex items-center justify-between gap-2 px-1 pt-1">
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
