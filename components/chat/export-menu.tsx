"use client";

import { DownloadIcon, FileJsonIcon, FileTextIcon, PrinterIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { conversationExportPath } from "@/lib/shared/export/conversation-export";

const DOWNLOADS = [
  { format: "markdown", label: "Download Markdown", Icon: FileTextIcon },
  { format: "json", label: "Download JSON", Icon: FileJsonIcon },
] as const;

/**
 * Export → Download Markdown, Download JSON (the API's export route, with the session cookie: the
 * server names the file) or Print (the browser's dialog; "Save as PDF" there uses the print
 * stylesheet). A Radix menu, so arrows, Enter and Escape work as in every other menu.
 */
export function ExportMenu({ conversationId }: { conversationId: string }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm">
          <DownloadIcon aria-hidden="true" />
          Export
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        {DOWNLOADS.map(({ format, label, Icon }) => (
          <DropdownMenuItem key={format} asChild>
            <a href={conversationExportPath(conversationId, format)} download>
              <Icon aria-hidden="true" />
              {label}
            </a>
          </DropdownMenuItem>
        ))}
        {/* After the menu has closed, so the page printed is the page without it. */}
        <DropdownMenuItem onSelect={() => window.setTimeout(() => window.print(), 0)}>
          <PrinterIcon aria-hidden="true" />
          Print
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
