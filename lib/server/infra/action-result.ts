/**
 * Server actions answer with ActionResult instead of throwing, so the UI shows the same codes
 * and messages the API returns. Unexpected errors are logged (with the request id) and shown as a
 * generic message; every failure is counted by code for metrics.
 */
import { AppError, errorMessage, fieldErrors } from "@/lib/shared/errors";
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { logger } from "@/lib/server/infra/log";
import { toAppError } from "@/lib/server/infra/http/problem";
import { countAppError } from "@/lib/server/infra/metrics";
import { inActionContext } from "@/lib/server/infra/request-context";
import type { ActionResult, FormValues } from "@/lib/shared/action-result";

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

/** A form's refusal: failure() with the form's values to put back. */
export function formFailure(error: unknown, values?: FormValues): ActionResult<never> {
  const result = failure(error);
  return values && !result.ok ? { ...result, values } : result;
}

/** A form that failed its schema: each message beside its field. */
export function invalidForm(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }, values?: FormValues): ActionResult<never> {
  return formFailure(new AppError("invalid:input", undefined, { fields: fieldErrors(error) }), values);
}
