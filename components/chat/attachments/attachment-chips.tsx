"use client";

import { FileTextIcon, ImageIcon, LoaderCircleIcon, XIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { formatBytes } from "@/lib/shared/attachments/types";
import type { PendingFile } from "@/components/chat/attachments/use-attachments";

/** The composer's files, each with its name, type, size, upload state and a remove button. */
export function AttachmentChips({ files, onRemove }: { files: PendingFile[]; onRemove: (key: string) => void }) {
  if (files.length === 0) return null;
  return (
    <ul aria-label="Attached files" className="flex flex-wrap gap-2 px-1 pb-2">
      {files.map((file) => {
        const Icon = file.status === "uploading" ? LoaderCircleIcon : file.type.startsWith("image/") ? ImageIcon : FileTextIcon;
        return (
          <li
            key={file.key}
            data-testid="composer-attachment"
            data-status={file.status}
            className={cn("flex max-w-full min-w-0 items-center gap-2 rounded-lg border bg-muted/40 py-1 pr-1 pl-2 text-xs", file.status === "error" && "border-destructive/60")}
          >
            <Icon aria-hidden="true" className={cn("size-4 shrink-0", file.status === "uploading" && "animate-spin")} />
            <span className="min-w-0">
              <span className="block max-w-48 truncate font-medium">{file.name}</span>
              <span className={cn("block text-muted-foreground", file.status === "error" && "text-destructive")}>
                {file.status === "error" ? file.error : `${file.type || "file"} · ${formatBytes(file.size)}${file.status === "uploading" ? " · uploading…" : ""}`}
              </span>
            </span>
            <Button type="button" variant="ghost" size="icon-sm" onClick={() => onRemove(file.key)} aria-label={`Remove ${file.name}`}>
              <XIcon aria-hidden="true" />
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
