import { describe, expect, it } from "vitest";
import { getBuiltInRole } from "@/lib/server/services/roles/built-in-roles";
import { defaultDetails, detailsErrors, detailsSchemaFor, mergeSharedDetails } from "@/lib/shared/roles/details-schema";
import { roleFieldSchema, type RoleField } from "@/lib/shared/roles/role-schema";

const fields: RoleField[] = [
  { key: "age", label: "Age", type: "number", min: 18, max: 100, integer: true, required: true },
  { key: "goals", label: "Goals", type: "multiselect", options: ["Retire", "House", "Travel"], required: true },
  { key: "risk", label: "Risk tolerance", type: "select", options: ["Low", "High"], required: false },
  { key: "nickname", label: "Nickname", type: "text", maxLength: 10, required: false },
  { key: "country", label: "Country", type: "text", required: true },
].map((field) => roleFieldSchema.parse(field));

function errorsFor(input: unknown): Record<string, string[]> {
  const result = detailsSchemaFor(fields).safeParse(input);
  return result.success ? {} : detailsErrors(result.error);
}

describe("detailsSchemaFor", () => {
  it("accepts form input: numbers as strings, trimmed text, a lone multiselect value; strips unknown keys and blanks", () => {
    const result = detailsSchemaFor(fields).parse({ age: " 42 ", goals: "House", risk: "", nickname: "  Sam ", country: " Kenya ", admin: true });
    expect(result).toEqual({ age: 42, goals: ["House"], nickname: "Sam", country: "Kenya" });
  });

  it("treats empty strings and empty selections as missing, with readable messages", () => {
    expect(errorsFor({ age: "", goals: [], country: "   " })).toEqual({
      age: ["Age is required"],
      goals: ["Choose at least one option for Goals"],
      country: ["Country is required"],
    });
  });

  it("explains range, whole-number, option and length problems in words", () => {
    expect(errorsFor({ age: "17", goals: ["Retire"], country: "FR" }).age).toEqual(["Age must be at least 18"]);
    expect(errorsFor({ age: 101, goals: ["Retire"], country: "FR" }).age).toEqual(["Age must be at most 100"]);
    expect(errorsFor({ age: "30.5", goals: ["Retire"], country: "FR" }).age).toEqual(["Age must be a whole number"]);
    expect(errorsFor({ age: "thirty", goals: ["Retire"], country: "FR" }).age).toEqual(["Age must be a number"]);
    expect(errorsFor({ age: 30, goals: ["Retire"], country: "FR", risk: "Medium" }).risk).toEqual(["Choose one of the options for Risk tolerance"]);
    expect(errorsFor({ age: 30, goals: ["Retire", "Yacht"], country: "FR" }).goals).toEqual(["Choose only from the options for Goals"]);
    expect(errorsFor({ age: 30, goals: ["Retire"], country: "FR", nickname: "a".repeat(11) }).nickname).toEqual(["Nickname must be at most 10 characters"]);
  });

  it("drops repeated multiselect choices", () => {
    expect(detailsSchemaFor(fields).parse({ age: 30, goals: ["House", "House", "Travel"], country: "FR" }).goals).toEqual(["House", "Travel"]);
  });

  it("validates a built-in role's form end to end", () => {
    const advisor = getBuiltInRole("financial-advisor")!;
    const result = detailsSchemaFor(advisor.fields).safeParse({ age: "16" });
    expect(result.success).toBe(false);
    if (!result.success) expect(detailsErrors(result.error).age).toEqual(["Age must be at least 18"]);
  });
});

describe("defaultDetails and mergeSharedDetails", () => {
  it("pre-fills from the previous brief, then field defaults", () => {
    const withDefault = [...fields, roleFieldSchema.parse({ key: "plan", label: "Plan", type: "select", options: ["A", "B"], default: "B" })];
    expect(defaultDetails(withDefault, { age: 40, risk: "Low", stale: "x" })).toEqual({ age: 40, risk: "Low", plan: "B" });
    expect(defaultDetails(withDefault)).toEqual({ plan: "B" });
  });

  it("skips remembered values that no longer fit the field", () => {
    expect(defaultDetails(fields, { age: 15, risk: "Medium", goals: ["Retire", "Yacht"], country: "Peru" })).toEqual({ country: "Peru" });
  });

  it("offers same-key values from other roles' briefs, newest first, and prefers this role's own brief", () => {
    const briefs = [{ country: "Chile", age: 12 }, { country: "Japan", age: 33 }];
    expect(mergeSharedDetails(fields, briefs)).toEqual({ country: "Chile", age: 33 });
    expect(defaultDetails(fields, { country: "Peru" }, briefs)).toEqual({ country: "Peru", age: 33 });
  });
});
