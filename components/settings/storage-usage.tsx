import { formatBytes, type AttachmentLimits, type StorageUsage as Usage } from "@/lib/shared/attachments/types";

/** Attachment storage used against the quota, as a labelled meter and in words. */
export function StorageUsage({ usage, limits }: { usage: Usage; limits: AttachmentLimits }) {
  const share = usage.quotaBytes > 0 ? Math.min(1, usage.usedBytes / usage.quotaBytes) : 0;
  return (
    <div className="grid gap-2 text-sm">
      <p data-testid="storage-used">
        {formatBytes(usage.usedBytes)} of {formatBytes(usage.quotaBytes)} used
      </p>
      <meter className="h-2 w-full" min={0} max={usage.quotaBytes} value={usage.usedBytes} aria-label="Attachment storage used" high={usage.quotaBytes * 0.9}>
        {Math.round(share * 100)}%
      </meter>
      <p className="text-muted-foreground">
        Up to {limits.maxFilesPerMessage} files per message, {formatBytes(limits.maxFileBytes)} each. Deleting a conversation deletes its files.
      </p>
    </div>
  );
}
