"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Loader2Icon } from "lucide-react";

import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { renameConversationAction } from "@/app/(app)/chat/actions";
import { conversationTitleSchema, TITLE_MAX_CHARS } from "@/lib/shared/chat/schemas";
import type { ConversationSummary } from "@/lib/shared/chat/types";

export interface RenameConversationDialogProps {
  conversation: ConversationSummary | null;
  onClose: () => void;
  onRenamed: (id: string, title: string) => void;
}

/** Rename a conversation; the title is checked with the same schema the server uses. */
export function RenameConversationDialog({ conversation, onClose, onRenamed }: RenameConversationDialogProps) {
  return (
    <Dialog open={conversation !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Rename conversation</DialogTitle>
          <DialogDescription>Give this chat a title you will recognise later.</DialogDescription>
        </DialogHeader>
        {conversation && <RenameForm key={conversation.id} conversation={conversation} onClose={onClose} onRenamed={onRenamed} />}
      </DialogContent>
    </Dialog>
  );
}

function RenameForm({ conversation, onClose, onRenamed }: { conversation: ConversationSummary } & Omit<RenameConversationDialogProps, "conversation">) {
  const [title, setTitle] = useState(conversation.title);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = conversationTitleSchema.safeParse(title);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Enter a title.");
      return;
    }
    startTransition(async () => {
      const result = await renameConversationAction(conversation.id, parsed.data);
      if (!result.ok) {
        setError(result.error.fields?.title?.[0] ?? result.error.message);
        return;
      }
      onRenamed(conversation.id, result.data.title);
      onClose();
    });
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <FormField id="conversation-title" label="Title" error={error}>
        <Input
          value={title}
          onChange={(event) => {
            setTitle(event.target.value);
            setError(null);
          }}
          maxLength={TITLE_MAX_CHARS + 20}
          autoFocus
          onFocus={(event) => event.currentTarget.select()}
        />
      </FormField>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending && <Loader2Icon className="animate-spin" aria-hidden="true" />}
          Save
        </Button>
      </DialogFooter>
    </form>
  );
}
