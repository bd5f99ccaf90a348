import { DownloadIcon } from "lucide-react";
import { Button } from "@/components/ui/button";

/**
 * "Download my data": a plain link to the streamed export, so the browser downloads it to disk as
 * it arrives (no copy held in the page, whatever the size). The session cookie authenticates it.
 */
export function ExportDataButton() {
  return (
    <div className="flex flex-wrap gap-2">
      <Button asChild>
        <a href="/api/v1/me/export?format=json" download>
          <DownloadIcon aria-hidden="true" />
          Download my data (JSON)
        </a>
      </Button>
      <Button asChild variant="outline">
        <a href="/api/v1/me/export?format=ndjson" download>
          NDJSON
        </a>
      </Button>
      <Button asChild variant="outline">
        <a href="/api/v1/me/export/archive" download>
          With my files (zip)
        </a>
      </Button>
    </div>
  );
}
