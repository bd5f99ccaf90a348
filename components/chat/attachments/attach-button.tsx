"use client";

import { useRef } from "react";
import { PaperclipIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { ATTACHMENT_ACCEPT, formatBytes, type AttachmentLimits } from "@/lib/shared/attachments/types";

/** The limits in words, shown under the picker and read by screen readers with it. */
export function limitsText(limits: AttachmentLimits): string {
  return `Images, PDF, text, Markdown or CSV · up to ${limits.maxFilesPerMessage} files, ${formatBytes(limits.maxFileBytes)} each`;
}

/** The paperclip: opens the file picker (drop and paste reach the same place). */
export function AttachButton({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        accept={ATTACHMENT_ACCEPT}
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="attach-input"
        onChange={(event) => {
          onFiles(Array.from(event.target.files ?? []));
          event.target.value = "";
        }}
      />
      <Button type="button" variant="ghost" size="sm" disabled={disabled} onClick={() => input.current?.click()} aria-describedby="attach-limits">
        <PaperclipIcon aria-hidden="true" />
        Attach
      </Button>
    </>
  );
}
