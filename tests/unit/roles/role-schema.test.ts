import { describe, expect, it } from "vitest";
import { builtInRoles, getBuiltInRole, roleCategories } from "@/lib/server/services/roles/built-in-roles";
import { fieldOptions, roleInputSchema, roleSchema, type Role } from "@/lib/shared/roles/role-schema";

function validRole(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "gardener",
    name: "Gardener",
    description: "Helps with plants.",
    category: "Home",
    icon: "sparkles",
    instructions: "You are a gardener.",
    fields: [
      { key: "climate", label: "Climate", type: "select", options: ["Dry", "Wet"], required: true },
      { key: "notes", label: "Notes", type: "textarea" },
    ],
    starters: ["What should I plant?"],
    temperature: 0.7,
    ...overrides,
  };
}

function messagesAt(input: unknown, path: string): string[] {
  const result = roleSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.filter((issue) => issue.path.join(".") === path).map((issue) => issue.message);
}

describe("built-in roles", () => {
  it("are at least 12 valid roles with unique ids, 3–6 fields and 3–4 starters each", () => {
    expect(builtInRoles.length).toBeGreaterThanOrEqual(12);
    expect(new Set(builtInRoles.map((role) => role.id)).size).toBe(builtInRoles.length);
    for (const role of builtInRoles) {
      expect(roleSchema.safeParse(role).success, role.id).toBe(true);
      expect(role.fields.length, role.id).toBeGreaterThanOrEqual(3);
      expect(role.fields.length, role.id).toBeLessThanOrEqual(6);
      expect(role.starters.length, role.id).toBeGreaterThanOrEqual(3);
      expect(role.starters.length, role.id).toBeLessThanOrEqual(4);
      expect(role.instructions.length, role.id).toBeGreaterThan(150);
    }
  });

  it("include the roles the product promises, by id", () => {
    for (const id of ["tech-support", "financial-advisor", "project-planner", "career-coach", "coding-assistant", "writing-editor", "tutor", "language-tutor", "fitness-coach", "marketing-strategist", "travel-planner", "chatcraft-guide"]) {
      expect(getBuiltInRole(id)?.id).toBe(id);
    }
    expect(getBuiltInRole("nope")).toBeUndefined();
    expect(roleCategories).toContain("Finance");
  });

  it("ask tech support for device, product, exact error, steps tried and comfort level", () => {
    const keys = getBuiltInRole("tech-support")!.fields.map((field) => field.key);
    expect(keys).toEqual(["device_os", "product", "error_message", "steps_tried", "comfort_level"]);
  });

  it("share keys such as age and country across roles so briefs can pre-fill each other", () => {
    const rolesWith = (key: string) => builtInRoles.filter((role) => role.fields.some((field) => field.key === key)).length;
    expect(rolesWith("age")).toBeGreaterThanOrEqual(2);
    expect(rolesWith("country")).toBeGreaterThanOrEqual(2);
  });
});

describe("role schema", () => {
  it("fills defaults: text maxLength 200, textarea 1000, required false", () => {
    const role = roleSchema.parse(validRole()) as Role;
    const notes = role.fields[1]!;
    expect(notes.type === "textarea" && notes.maxLength).toBe(1000);
    expect(notes.required).toBe(false);
    const text = roleSchema.parse(validRole({ fields: [{ key: "a", label: "A", type: "text" }] })).fields[0]!;
    expect(text.type === "text" && text.maxLength).toBe(200);
  });

  it("rejects duplicate field keys on the second field's key", () => {
    const fields = [
      { key: "age", label: "Age", type: "number" },
      { key: "age", label: "Age again", type: "text" },
    ];
    expect(messagesAt(validRole({ fields }), "fields.1.key")).toEqual(['Another field already uses the key "age"']);
  });

  it("rejects empty or repeated options, min above max, and a default outside the options", () => {
    expect(messagesAt(validRole({ fields: [{ key: "a", label: "A", type: "select", options: [] }] }), "fields.0.options")).toEqual(["Add at least one option"]);
    expect(messagesAt(validRole({ fields: [{ key: "a", label: "A", type: "multiselect", options: ["x", "x"] }] }), "fields.0.options")).toEqual(["Options must be unique"]);
    expect(messagesAt(validRole({ fields: [{ key: "a", label: "A", type: "number", min: 5, max: 1 }] }), "fields.0.max")).toEqual(["Minimum must not be greater than maximum"]);
    expect(messagesAt(validRole({ fields: [{ key: "a", label: "A", type: "select", options: ["x"], default: "y" }] }), "fields.0.default")).toEqual(["Default must be one of the options"]);
  });

  it("rejects bad keys, text limits over 2000, unknown field types, too many starters and temperature out of 0–2", () => {
    expect(messagesAt(validRole({ fields: [{ key: "Bad Key", label: "A", type: "text" }] }), "fields.0.key")[0]).toMatch(/Key must start with a letter/);
    expect(messagesAt(validRole({ fields: [{ key: "a", label: "A", type: "text", maxLength: 5000 }] }), "fields.0.maxLength")).toEqual(["Maximum length must be at most 2000"]);
    expect(roleSchema.safeParse(validRole({ fields: [{ key: "a", label: "A", type: "date" }] })).success).toBe(false);
    expect(messagesAt(validRole({ starters: ["1", "2", "3", "4", "5", "6", "7"] }), "starters")).toEqual(["At most 6 starters"]);
    expect(messagesAt(validRole({ temperature: 2.5 }), "temperature")).toEqual(["Temperature must be at most 2"]);
  });

  it("accepts a user-made role without an id and ignores a sent id", () => {
    const { id: _id, ...input } = validRole();
    void _id;
    const parsed = roleInputSchema.parse({ ...input, id: "financial-advisor" });
    expect("id" in parsed).toBe(false);
    expect(parsed.name).toBe("Gardener");
  });

  it("fieldOptions lists choices only for select fields", () => {
    const role = roleSchema.parse(validRole());
    expect(fieldOptions(role.fields[0]!)).toEqual(["Dry", "Wet"]);
    expect(fieldOptions(role.fields[1]!)).toEqual([]);
  });
});
