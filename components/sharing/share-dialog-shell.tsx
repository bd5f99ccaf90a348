"use client";

import { useState, type ReactNode } from "react";
import { Share2Icon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

export interface ShareDialogShellProps {
  label: string;
  title: string;
  description: string;
  /** The dialog's width on larger screens (the conversation's has a preview beside its form). */
  width: "sm:max-w-lg" | "sm:max-w-3xl";
  /** Rendered only while open, so its data is read when the dialog opens, not with the page. */
  children: ReactNode;
}

/** The Share button and dialog both share dialogs (a conversation's, a board's) open from. */
export function ShareDialogShell({ label, title, description, width, children }: ShareDialogShellProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <Share2Icon aria-hidden="true" />
          {label}
        </Button>
      </DialogTrigger>
      <DialogContent className={`max-h-[90dvh] overflow-y-auto ${width}`}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {open && children}
      </DialogContent>
    </Dialog>
  );
}
