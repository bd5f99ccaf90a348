/** The attachment limits in force (lib/server/infra/env.ts; defaults in docs/attachments.md). */
import "server-only";
import { getEnv } from "@/lib/server/infra/env";
import type { AttachmentLimits } from "@/lib/shared/attachments/types";

export interface ServerAttachmentLimits extends AttachmentLimits {
  maxPixels: number;
  idleMs: number;
}

export function attachmentLimits(): ServerAttachmentLimits {
  const env = getEnv();
  return {
    maxFileBytes: env.ATTACHMENT_MAX_FILE_BYTES,
    maxFilesPerMessage: env.ATTACHMENT_MAX_FILES_PER_MESSAGE,
    quotaBytes: env.ATTACHMENT_QUOTA_BYTES,
    maxPixels: env.ATTACHMENT_MAX_PIXELS,
    idleMs: env.ATTACHMENT_UPLOAD_IDLE_MS,
  };
}

/** The limits a browser may see (the composer and Settings name them). */
export function publicAttachmentLimits(): AttachmentLimits {
  const { maxFileBytes, maxFilesPerMessage, quotaBytes } = attachmentLimits();
  return { maxFileBytes, maxFilesPerMessage, quotaBytes };
}
