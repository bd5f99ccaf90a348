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
