/**
 * Forms read the one action result shape: before an answer and after a success they show
 * nothing; a refusal puts each message beside its field, or one message above the form.
 */
import { describe, expect, it } from "vitest";
import { formRefusal } from "@/lib/shared/action-result";
import { AppError } from "@/lib/shared/errors";

describe("formRefusal", () => {
  it("shows nothing before the first answer or after a success", () => {
    expect(formRefusal(null)).toEqual({ fields: {} });
    expect(formRefusal({ ok: true, data: null })).toEqual({ fields: {} });
  });

  it("puts field errors beside their fields and no generic message above the form", () => {
    const error = new AppError("invalid:input", undefined, { fields: { email: ["Enter an email."] } }).toData();
    expect(formRefusal({ ok: false, error, values: { email: "x" } })).toEqual({ fields: { email: ["Enter an email."] }, values: { email: "x" } });
  });

  it("shows the server's own message when no field is to blame", () => {
    const error = new AppError("rate_limited:auth", undefined, { retryAfterSeconds: 30 }).toData();
    expect(formRefusal({ ok: false, error })).toEqual({ message: "Too many attempts. Try again in 30 seconds.", fields: {} });
  });
});
