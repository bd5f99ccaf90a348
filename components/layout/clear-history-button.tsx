"use client";

import { useState } from "react";
import { Trash2Icon } from "lucide-react";
import { toast } from "sonner";

import { Button } from "@/components/ui/button";
import { clearHistoryAction } from "@/app/(app)/chat/actions";
import { ConfirmDialog } from "@/components/layout/confirm-dialog";
import type { ActionResult } from "@/lib/chat/types";
import { cn } from "@/lib/utils";

export interface ClearHistoryButtonProps {
  onCleared: () => void;
  /** What is cleared; every conversation of the user by default. */
  clear?: () => Promise<ActionResult<unknown>>;
  title?: string;
  description?: string;
  successMessage?: string;
  disabled?: boolean;
  className?: string;
}

/** "Clear history", after a confirmation: every conversation of the user, or (a project's chat) one. */
export function ClearHistoryButton({
  onCleared,
  clear = clearHistoryAction,
  title = "Clear all history?",
  description = "Every conversation and its messages will be deleted. Your saved details and custom roles stay. This cannot be undone.",
  successMessage = "History cleared.",
  disabled,
  className = "justify-start",
}: ClearHistoryButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="ghost" size="sm" className={cn("text-muted-foreground", className)} disabled={disabled} onClick={() => setOpen(true)}>
        <Trash2Icon aria-hidden="true" />
        Clear history
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={title}
        description={description}
        confirmLabel="Clear history"
        onConfirm={async () => {
          const result = await clear();
          if (!result.ok) {
            toast.error(result.error.message);
            return;
          }
          onCleared();
          toast.success(successMessage);
        }}
      />
    </>
  );
}
