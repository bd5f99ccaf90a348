/**
 * The files a message carries: an image as its stored thumbnail, linking to the original (one
 * click, new tab); a document as a chip with its name, type, size and page count.
 */
import { FileTextIcon } from "lucide-react";

import { ATTACHMENT_TYPE_LABELS, attachmentUrl, formatBytes, thumbnailUrl, type MessageAttachment } from "@/lib/shared/attachments/types";

function describe(file: MessageAttachment): string {
  const parts = [ATTACHMENT_TYPE_LABELS[file.mime] ?? file.mime, formatBytes(file.size)];
  if (file.pages) parts.push(`${file.pages} page${file.pages === 1 ? "" : "s"}`);
  if (file.width && file.height) parts.push(`${file.width} × ${file.height}`);
  return parts.join(" · ");
}

export function MessageAttachments({ files }: { files: MessageAttachment[] }) {
  return (
    <ul aria-label="Files" className="flex max-w-[85%] flex-wrap justify-end gap-2 sm:max-w-[75%]">
      {files.map((file) => (
        <li key={file.id} data-testid="message-attachment" data-mime={file.mime}>
          <a
            href={attachmentUrl(file.id)}
            target="_blank"
            rel="noopener"
            title={`${file.name} (${describe(file)})`}
            className="flex items-center gap-2 rounded-lg border bg-card p-1 text-xs hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
          >
            {file.hasThumbnail ? (
              // eslint-disable-next-line @next/next/no-img-element -- an owner-only API route, not a static asset next/image could optimise
              <img src={thumbnailUrl(file.id)} alt={`${file.name} — open the original`} width={file.width && file.height ? Math.min(160, file.width) : 160} height={file.width && file.height ? Math.round((Math.min(160, file.width) * file.height) / file.width) : 120} className="block h-auto max-h-40 max-w-40 rounded object-contain" />
            ) : (
              <span className="flex items-center gap-2 px-1">
                <FileTextIcon aria-hidden="true" className="size-5 shrink-0 text-muted-foreground" />
                <span className="min-w-0">
                  <span className="block max-w-48 truncate font-medium">{file.name}</span>
                  <span className="block text-muted-foreground">{describe(file)}</span>
                </span>
              </span>
            )}
          </a>
        </li>
      ))}
    </ul>
  );
}
