/**
 * POST /api/csp-report — browsers report Content-Security-Policy violations here (report-uri in
 * lib/server/infra/http/csp.ts). Each is logged as a warning, so a policy that breaks a page shows up in the
 * dev terminal and the production logs. Bounded, never stored, no session needed.
 */
import { z } from "zod";
import { AppError } from "@/lib/shared/errors";
import { withApiErrors } from "@/lib/server/infra/http/handler";
import { logger } from "@/lib/server/infra/log";

const REPORT_TYPES = new Set(["application/csp-report", "application/reports+json", "application/json"]);
const MAX_BYTES = 16 * 1024;

const reportSchema = z.looseObject({
  "csp-report": z
    .looseObject({
      "document-uri": z.string().max(2048).optional(),
      "violated-directive": z.string().max(256).optional(),
      "effective-directive": z.string().max(256).optional(),
      "blocked-uri": z.string().max(2048).optional(),
      "source-file": z.string().max(2048).optional(),
      "line-number": z.number().optional(),
    })
    .optional(),
});

export const POST = withApiErrors(async (request: Request): Promise<Response> => {
  const type = request.headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase() ?? "";
  if (!REPORT_TYPES.has(type)) throw new AppError("unsupported_media_type", "Send a CSP report (application/csp-report).");
  const text = await request.text();
  if (text.length > MAX_BYTES) throw new AppError("payload_too_large", "The report is too large.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError("invalid:json", "The report is not valid JSON.", { cause: error });
  }
  const parsed = reportSchema.safeParse(value);
  if (!parsed.success) throw new AppError("invalid:report", "The body is not a CSP report.");
  logger().warn({ csp: parsed.data["csp-report"] ?? parsed.data }, "content security policy violation");
  return new Response(null, { status: 204 });
});
