"use client";

import { useState } from "react";
import { toast } from "sonner";
import { EraserIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { clearProjectChatAction } from "@/app/(app)/projects/actions";
import type { ChatModelInfo, ConversationDTO, MessageDTO } from "@/lib/shared/chat/types";
import { ChatView } from "@/components/chat/chat-view";
import { ConfirmDialog } from "@/components/layout/confirm-dialog";

export interface ProjectChatPanelProps {
  projectId: string;
  conversation: ConversationDTO;
  initialMessages: MessageDTO[];
  /** Older messages exist beyond the newest page (loaded as the reader scrolls up). */
  hasOlder: boolean;
  model: ChatModelInfo;
}

/** The project's chat beside the board, with "Clear history" that empties the chat and keeps the tasks. */
export function ProjectChatPanel({ projectId, conversation, initialMessages, hasOlder, model }: ProjectChatPanelProps) {
  const [messages, setMessages] = useState(initialMessages);
  // A new key remounts the chat with the emptied history.
  const [generation, setGeneration] = useState(0);
  const [confirming, setConfirming] = useState(false);

  return (
    <section aria-label="Project chat" className="grid grid-cols-[minmax(0,1fr)] gap-2">
      <div className="flex justify-end">
        <Button variant="ghost" size="sm" className="text-muted-foreground" onClick={() => setConfirming(true)}>
          <EraserIcon aria-hidden="true" />
          Clear history
        </Button>
      </div>
      <ChatView key={`${conversation.id}:${generation}`} conversation={conversation} initialMessages={messages} hasOlder={generation === 0 && hasOlder} model={model} />
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Clear this chat's history?"
        description="Every message in the project's chat will be deleted. The project and its tasks stay. This cannot be undone."
        confirmLabel="Clear history"
        onConfirm={async () => {
          const result = await clearProjectChatAction(projectId);
          if (!result.ok) {
            toast.error(result.error.message);
            return;
          }
          setMessages([]);
          setGeneration((value) => value + 1);
          toast.success("Chat history cleared. Your tasks are unchanged.");
        }}
      />
    </section>
  );
}
