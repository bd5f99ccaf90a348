import "server-only";
import type { z } from "zod";
import { AppError, type ErrorCode } from "@/lib/shared/errors";
import { zodFieldErrors } from "@/lib/server/infra/http/problem";

/** Parses with the schema or throws AppError `code` whose message is the first problem and whose fields hold them all. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, code: ErrorCode): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first && first.path.length ? ` (${first.path.join(".")})` : "";
  throw new AppError(code, `${first?.message ?? "Invalid input."}${where}`, { fields: zodFieldErrors(parsed.error), cause: parsed.error });
}
