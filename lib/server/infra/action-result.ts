/**
 * Server actions answer with ActionResult instead of throwing, so the UI shows the same codes
 * and messages the API returns. Unexpected errors are logged (with the request id) and shown as a
 * generic message; every failure is counted by code for metrics.
 */
import { errorMessage } from "@/lib/shared/errors";
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { logger } from "@/lib/server/infra/log";
import { toAppError } from "@/lib/server/infra/http/problem";
import { countAppError } from "@/lib/server/infra/metrics";
import { inActionContext } from "@/lib/server/infra/request-context";
import type { ActionResult } from "@/lib/shared/chat/types";

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function failure(error: unknown): ActionResult<never> {
  const appError = toAppError(error);
  countAppError(appError.code);
  if (appError.status >= 500) logger().error({ err: appError.cause ?? appError }, "chat action failed");
  const data = appError.toData();
  // A 5xx message may come from a driver or SDK: the table's words instead.
  return { ok: false, error: appError.status >= 500 ? { ...data, message: errorMessage(appError.code) } : data };
}

/** Runs an action body and turns anything it throws into a failure result. */
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  return inActionContext(async () => {
    try {
      return ok(await body());
    } catch (error) {
      // Next's redirect()/notFound() signal by throwing; they must reach the framework.
      unstable_rethrow(error);
      return failure(error);
    }
  });
}
