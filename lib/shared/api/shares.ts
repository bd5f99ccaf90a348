/**
 * /api/v1/shares bodies, from the Share dialog's own option schema (lib/shared/sharing/dto.ts):
 * create names the conversation, or the project whose board it shares; update (PATCH) names only what changes — a field left out keeps
 * its current value, `upToMessageId: null` shares the whole conversation again.
 */
import { z } from "zod";
import { objectIdSchema } from "@/lib/shared/api/common";
import { shareLinkSchema, shareOptionsSchema } from "@/lib/shared/sharing/dto";

const options = shareOptionsSchema.shape;

export const createShareBodySchema = shareOptionsSchema
  .extend({
    conversationId: objectIdSchema.optional().meta({ description: "Share this conversation (or name a projectId)." }),
    projectId: objectIdSchema.optional().meta({ description: "Share this project's board, read-only (or name a conversationId)." }),
    includeChat: z.boolean().optional().meta({ description: "Board links only: show the project's chat too (details hidden). Default false." }),
  })
  .refine((body) => (body.conversationId === undefined) !== (body.projectId === undefined), {
    message: "Name either a conversationId or a projectId.",
    path: ["conversationId"],
  })
  .meta({ id: "CreateShare" });

export const updateShareBodySchema = z
  .object({
    upToMessageId: options.upToMessageId.unwrap().nullable().optional(),
    visibleFields: options.visibleFields.unwrap().optional(),
    displayName: options.displayName.unwrap().optional(),
    expiresIn: options.expiresIn.unwrap().optional(),
    /** Board links only: show the project's chat too. */
    includeChat: z.boolean().optional(),
  })
  .meta({ id: "UpdateShare" });
export type UpdateShareBody = z.infer<typeof updateShareBodySchema>;

export const shareListSchema = z.object({ items: z.array(shareLinkSchema) }).meta({ id: "ShareList" });

export const shareIdSchema = objectIdSchema;
