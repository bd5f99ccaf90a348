/** GET /api/v1/me/export options. The format itself is described in docs/api.md. */
import { z } from "zod";

export const EXPORT_FORMAT = "chatcraft-export";
export const EXPORT_VERSION = 1;

export const exportQuerySchema = z.object({
  format: z.enum(["json", "ndjson"], { error: "format must be json or ndjson." }).default("json"),
});
