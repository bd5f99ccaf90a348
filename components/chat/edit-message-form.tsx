"use client";

import { useState, type FormEvent } from "react";
import { Loader2Icon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";

export interface EditMessageFormProps {
  initialText: string;
  maxChars: number;
  onCancel: () => void;
  /** Resolves true when the server accepted the edit. */
  onSubmit: (text: string) => Promise<boolean>;
}

/** Inline editor for the last user message: "Save & resend" replaces it and asks again. */
export function EditMessageForm({ initialText, maxChars, onCancel, onSubmit }: EditMessageFormProps) {
  const [text, setText] = useState(initialText);
  const [pending, setPending] = useState(false);
  const tooLong = text.length > maxChars;
  const empty = text.trim().length === 0;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (tooLong || empty) return;
    setPending(true);
    try {
      await onSubmit(text);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="grid w-full max-w-[85%] gap-2 sm:max-w-[75%]">
      <label htmlFor="edit-message" className="sr-only">
        Edit message
      </label>
      <Textarea
        id="edit-message"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => event.key === "Escape" && onCancel()}
        aria-invalid={tooLong || undefined}
        className="max-h-64"
        autoFocus
      />
      {tooLong && (
        <p className="text-xs text-destructive">
          {text.length.toLocaleString()} / {maxChars.toLocaleString()} characters — shorten the message.
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" size="sm" disabled={pending || tooLong || empty}>
          {pending && <Loader2Icon className="animate-spin" aria-hidden="true" />}
          Save &amp; resend
        </Button>
      </div>
    </form>
  );
}
