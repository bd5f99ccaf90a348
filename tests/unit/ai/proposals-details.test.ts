/**
 * propose_details_update: the declaration Gemini receives is generated from the role's own fields
 * (every field type), and a call's arguments are checked against those fields — a key the role
 * lacks, a value outside its options or range, or a 50,000-character value is refused with a reason.
 */
import { describe, expect, it } from "vitest";
import { AiError } from "@/lib/server/ai/ai-errors";
import { parseProposalCall, proposalDeclarations } from "@/lib/server/ai/proposals";
import { roleFieldSchema, type RoleField } from "@/lib/shared/roles/role-schema";

const fields: RoleField[] = [
  { key: "nickname", label: "Nickname", type: "text", maxLength: 40 },
  { key: "notes", label: "Notes", type: "textarea" },
  { key: "age", label: "Age", type: "number", min: 18, max: 100, integer: true, required: true },
  { key: "risk", label: "Risk tolerance", type: "select", options: ["Low", "Medium", "High"] },
  { key: "goals", label: "Goals", type: "multiselect", options: ["House", "Travel"] },
].map((field) => roleFieldSchema.parse(field));

type Branch = { properties: { field: { enum: string[] }; value: Record<string, unknown>; sentence: Record<string, unknown> }; required: string[] };

function declaration(of: readonly RoleField[] = fields) {
  const [declared] = proposalDeclarations(["propose_details_update"], of);
  return declared!;
}

function branches(): Record<string, Branch> {
  const schema = declaration().parametersJsonSchema as { anyOf: Branch[] };
  return Object.fromEntries(schema.anyOf.map((branch) => [branch.properties.field.enum[0]!, branch]));
}

function refusal(args: unknown): AiError {
  try {
    parseProposalCall("propose_details_update", args, fields);
  } catch (error) {
    return error as AiError;
  }
  throw new Error("expected a refusal");
}

describe("the propose_details_update declaration, from the role's fields", () => {
  it("is built once per set of fields and follows a change of the fields", () => {
    expect(declaration()).toBe(declaration());
    const renamed = fields.map((field) => (field.key === "age" ? { ...field, label: "Age in years" } : field));
    const schema = declaration(renamed).parametersJsonSchema as { anyOf: Branch[] };
    expect(JSON.stringify(schema)).toContain("Age in years");
    expect(JSON.stringify(declaration().parametersJsonSchema)).not.toContain("Age in years");
  });

  it("has one branch per field, each requiring field, value and sentence, in Gemini's JSON Schema dialect", () => {
    const declared = declaration();
    expect(declared.name).toBe("propose_details_update");
    expect(declared.description).toContain("age (Age)");
    expect(JSON.stringify(declared.parametersJsonSchema)).not.toMatch(/"\$schema"|"oneOf"|"const"/);
    const all = branches();
    expect(Object.keys(all)).toEqual(["nickname", "notes", "age", "risk", "goals"]);
    for (const branch of Object.values(all)) expect(branch.required).toEqual(["field", "value", "sentence"]);
    expect(all.age!.properties.sentence).toMatchObject({ type: "string", maxLength: 300 });
  });

  it("states each field type's constraints: text length, number range and wholeness, options", () => {
    const all = branches();
    expect(all.nickname!.properties.value).toMatchObject({ type: "string", maxLength: 40 });
    expect(all.notes!.properties.value).toMatchObject({ type: "string", maxLength: 1000 });
    expect(all.age!.properties.value).toMatchObject({ type: "integer", minimum: 18, maximum: 100 });
    expect(all.risk!.properties.value).toMatchObject({ type: "string", enum: ["Low", "Medium", "High"] });
    expect(all.goals!.properties.value).toMatchObject({ type: "array", items: { type: "string", enum: ["House", "Travel"] } });
  });

  it("declares a one-field role without a union, and nothing for a role with no fields", () => {
    const schema = declaration(fields.slice(2, 3)).parametersJsonSchema as Branch;
    expect(schema.properties.field.enum).toEqual(["age"]);
    expect(proposalDeclarations(["propose_details_update"], [])).toEqual([]);
  });
});

describe("a propose_details_update call, checked against the role's fields", () => {
  it("accepts a value that fits and keeps the sentence", () => {
    expect(parseProposalCall("propose_details_update", { field: "age", value: 41, sentence: "I'm 41 now." }, fields)).toEqual({
      kind: "details",
      update: { field: "age", value: 41, sentence: "I'm 41 now." },
    });
    expect(parseProposalCall("propose_details_update", { field: "goals", value: ["Travel"], sentence: "Travel is my goal" }, fields)).toMatchObject({ update: { value: ["Travel"] } });
  });

  it("refuses a field the role does not have, naming it", () => {
    const error = refusal({ field: "salary", value: 1, sentence: "x" });
    expect(error).toBeInstanceOf(AiError);
    expect(error.code).toBe("invalid_details_update");
    expect(error.message).toBe("I couldn't use that update to your details: this role has no detail called “salary”.");
  });

  it("refuses values outside the range, the options, or the length, with the form's own message", () => {
    expect(refusal({ field: "age", value: 140, sentence: "I am 140 now" }).message).toContain("Age must be at most 100");
    expect(refusal({ field: "age", value: 40.5, sentence: "s" }).message).toContain("Age must be a whole number");
    expect(refusal({ field: "risk", value: "Extreme", sentence: "s" }).message).toContain("Choose one of the options for Risk tolerance");
    expect(refusal({ field: "nickname", value: "x".repeat(50_000), sentence: "s" }).message).toContain("Nickname must be at most 40 characters");
    expect(refusal({ field: "age", value: 41, sentence: "" }).message).toContain("The sentence is required");
    expect(refusal(null).code).toBe("invalid_details_update");
  });
});
