/** /api/v1/attachments request and response shapes (the OpenAPI document is generated from these). */
import { z } from "zod";
import { objectIdSchema } from "@/lib/shared/api/common";
import { attachmentSchema } from "@/lib/shared/attachments/types";

export const attachmentResponseSchema = attachmentSchema.meta({ id: "Attachment", description: "A stored file; its type was decided from its bytes." });

export const uploadQuerySchema = z.object({
  conversationId: objectIdSchema.optional().meta({ description: "The conversation the files will be sent in (then only a message there can carry them)." }),
});

export const uploadResponseSchema = z.object({ attachments: z.array(attachmentResponseSchema) }).meta({ id: "AttachmentUpload" });

export const storageUsageSchema = z.object({ usedBytes: z.number().int(), quotaBytes: z.number().int() }).meta({ id: "StorageUsage" });

export const attachmentListSchema = z
  .object({ items: z.array(attachmentResponseSchema), usage: storageUsageSchema })
  .meta({ id: "AttachmentList", description: "The caller's newest files (at most 100) and storage used." });

export const attachmentListQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) });
