/**
 * The shapes of personal API tokens: the create form (client feedback and server truth) and the
 * metadata a person or the export may see. Client-safe: no server imports.
 */
import { z } from "zod";

export const TOKEN_SCOPES = ["read", "read-write"] as const;
export const tokenScopeSchema = z.enum(TOKEN_SCOPES, { error: "Choose read or read-write." });

/** Offered expiries in days; "never" keeps the token until it is revoked. */
export const TOKEN_EXPIRY_CHOICES = ["7", "30", "90", "365", "never"] as const;

export const createTokenSchema = z.object({
  name: z
    .string({ error: "Name the token." })
    .trim()
    .min(1, "Name the token.")
    .max(80, "A token name can be at most 80 characters."),
  scope: tokenScopeSchema,
  expiresInDays: z.enum(TOKEN_EXPIRY_CHOICES, { error: "Choose when the token expires." }).default("90"),
});

/** What Settings lists (and the export contains): never the hash, never the token. */
export const tokenInfoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: tokenScopeSchema,
    prefix: z.string().meta({ description: "The first characters of the token, to tell tokens apart." }),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ApiToken" });
export type TokenInfo = z.infer<typeof tokenInfoSchema>;

/** Returned once, at creation. */
export interface CreatedToken {
  token: string;
  info: TokenInfo;
}
