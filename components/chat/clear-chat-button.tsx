"use client";

import { clearConversationAction } from "@/app/(app)/chat/actions";
import { ClearHistoryButton } from "@/components/layout/clear-history-button";

/** A project chat's "Clear history": empties this conversation only; the project and its tasks stay. */
export function ClearChatButton({ conversationId, disabled, onCleared }: { conversationId: string; disabled?: boolean; onCleared: () => void }) {
  return (
    <ClearHistoryButton
      clear={() => clearConversationAction(conversationId)}
      title="Clear this chat's history?"
      description="Every message in this project's chat will be deleted. The project and its tasks stay as they are. This cannot be undone."
      successMessage="Chat history cleared. The tasks are kept."
      disabled={disabled}
      className=""
      onCleared={onCleared}
    />
  );
}
