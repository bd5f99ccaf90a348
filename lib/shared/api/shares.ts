/**
 * /api/v1/shares bodies, from the Share dialog's own option schema (lib/shared/sharing/dto.ts):
 * create names the conversation; update (PATCH) names only what changes — a field left out keeps
 * its current value, `upToMessageId: null` shares the whole conversation again.
 */
import { z } from "zod";
import { objectIdSchema } from "@/lib/shared/api/common";
import { shareLinkSchema, shareOptionsSchema } from "@/lib/shared/sharing/dto";

const options = shareOptionsSchema.shape;

export const createShareBodySchema = shareOptionsSchema.extend({ conversationId: objectIdSchema }).meta({ id: "CreateShare" });

export const updateShareBodySchema = z
  .object({
    upToMessageId: options.upToMessageId.unwrap().nullable().optional(),
    visibleFields: options.visibleFields.unwrap().optional(),
    displayName: options.displayName.unwrap().optional(),
    expiresIn: options.expiresIn.unwrap().optional(),
  })
  .meta({ id: "UpdateShare" });
export type UpdateShareBody = z.infer<typeof updateShareBodySchema>;

export const shareListSchema = z.object({ items: z.array(shareLinkSchema) }).meta({ id: "ShareList" });

export const shareIdSchema = objectIdSchema;
