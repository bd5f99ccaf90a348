/**
 * Shapes every /api/v1 route shares: the problem+json error, path ids, cursor pagination. The
 * OpenAPI document is generated from these same schemas (lib/server/services/api/openapi.ts).
 */
import { z } from "zod";
import { ERROR_CODES } from "@/lib/shared/errors";

export const MAX_PAGE_LIMIT = 100;
export const DEFAULT_PAGE_LIMIT = 30;

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(ERROR_CODES).meta({ description: 'The error code, e.g. "not_found:conversation" (lib/shared/errors.ts).' }),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Field path → messages." }),
    retryAfterSeconds: z.number().int().optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });

export const objectIdSchema = z.string().regex(/^[0-9a-f]{24}$/i, "Not an id.").meta({ example: "665f1c2a9d3e4b0012345678" });

/** `?limit=&cursor=` — limit 1–100, cursor opaque (from a previous page's nextCursor). */
export const pageQuerySchema = z.object({
  limit: z.coerce
    .number({ error: `limit must be a number from 1 to ${MAX_PAGE_LIMIT}.` })
    .int(`limit must be a whole number.`)
    .min(1, `limit must be at least 1.`)
    .max(MAX_PAGE_LIMIT, `limit must be at most ${MAX_PAGE_LIMIT}.`)
    .default(DEFAULT_PAGE_LIMIT),
  cursor: z.string().max(200, "cursor is not valid.").optional().meta({ description: "Opaque: pass back a page's nextCursor." }),
});

export function pageSchema<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable().meta({ description: "Pass as ?cursor= for the next page; null on the last page." }),
    })
    .meta({ id });
}

/** Reads search params through a schema; a bad value is a 400 problem with the field named. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return schema.parse(params);
}
