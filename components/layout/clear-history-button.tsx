"use client";

import { useState } from "react";
import { Trash2Icon } from "lucide-react";
import { toast } from "sonner";

import { Button } from "@/components/ui/button";
import { clearHistoryAction } from "@/app/(app)/chat/actions";
import { ConfirmDialog } from "@/components/layout/confirm-dialog";

/** "Clear history": deletes every conversation of the user, after a confirmation. */
export function ClearHistoryButton({ onCleared }: { onCleared: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="ghost" size="sm" className="justify-start text-muted-foreground" onClick={() => setOpen(true)}>
        <Trash2Icon aria-hidden="true" />
        Clear history
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Clear all history?"
        description="Every conversation and its messages will be deleted, project chats included. Your projects and their tasks, saved details and custom roles stay. This cannot be undone."
        confirmLabel="Clear history"
        onConfirm={async () => {
          const result = await clearHistoryAction();
          if (!result.ok) {
            toast.error(result.error.message);
            return;
          }
          onCleared();
          toast.success("History cleared.");
        }}
      />
    </>
  );
}
