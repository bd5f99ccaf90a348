/** The caller's own account, as GET /api/v1/me shows it (never the password hash). */
import { z } from "zod";

export const meSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    email: z.string(),
    name: z.string().optional(),
    lastLogin: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    auth: z.object({
      method: z.enum(["session", "token"]),
      scope: z.enum(["read", "read-write"]).meta({ description: "A session has read-write." }),
    }),
  })
  .meta({ id: "Me" });
