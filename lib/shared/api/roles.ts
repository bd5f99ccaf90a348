/** Roles and briefs as /api/v1 shows and accepts them: the one role schema (lib/roles) plus isCustom. */
import { z } from "zod";
import { detailsSchema } from "@/lib/shared/chat/dto";
import { roleInputSchema, roleSchema } from "@/lib/shared/roles/role-schema";

export const roleResponseSchema = z
  .intersection(roleSchema, z.object({ isCustom: z.boolean() }))
  .meta({ id: "Role" });

export const roleListSchema = z.object({ items: z.array(roleResponseSchema) }).meta({ id: "RoleList" });

export const roleInputBodySchema = roleInputSchema.meta({ id: "RoleInput" });

export const briefSchema = z
  .object({
    roleId: z.string(),
    details: detailsSchema,
    updatedAt: z.iso.datetime().nullable().meta({ description: "null when nothing is saved yet (details are then the pre-fill)." }),
  })
  .meta({ id: "Brief" });

export const briefBodySchema = z.object({ details: detailsSchema }).meta({ id: "BriefInput" });

export const roleIdSchema = z.string().min(1).max(100);

/** One change of a brief: which field, to what, from what, when, and where it came from. */
export const briefHistoryEntrySchema = z
  .object({
    id: z.string(),
    field: z.string().meta({ description: "The key of the role's field." }),
    label: z.string().meta({ description: "The field's label (the key when the role no longer has the field)." }),
    value: z.unknown().optional().meta({ description: "The new value; absent when it was cleared." }),
    previous: z.unknown().optional().meta({ description: "The value before; absent when there was none." }),
    at: z.iso.datetime(),
    source: z.enum(["form", "chat", "restore"]).meta({ description: "form: edited in the details form; chat: a details card applied; restore: restored from this history." }),
    conversationId: z.string().optional().meta({ description: "For source chat: the conversation the card was in." }),
    messageId: z.string().optional().meta({ description: "For source chat: the AI reply that carried the card." }),
  })
  .meta({ id: "BriefHistoryEntry" });

export const briefHistorySchema = z
  .object({
    roleId: z.string(),
    items: z.array(briefHistoryEntrySchema).meta({ description: "Newest first; at most 100 are kept." }),
    lastChatAt: z.iso.datetime().nullable().meta({ description: "When the last conversation with this role was started." }),
  })
  .meta({ id: "BriefHistory" });

export const briefRestoreBodySchema = z
  .object({ entryId: z.string().regex(/^[0-9a-f]{24}$/i, "entryId is not valid.").meta({ description: "The history entry whose previous value to restore." }) })
  .meta({ id: "BriefRestore" });

export type BriefHistoryEntryDTO = z.infer<typeof briefHistoryEntrySchema>;
export type BriefHistoryDTO = z.infer<typeof briefHistorySchema>;
