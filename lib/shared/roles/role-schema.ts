/**
 * The one schema for a role, built-in or user-made. The details form is rendered from `fields`
 * and validated by a schema derived from them (details-schema.ts); nothing restates this shape.
 */
import { z } from "zod";

export const ROLE_LIMITS = {
  nameMax: 60,
  descriptionMax: 300,
  categoryMax: 40,
  instructionsMax: 8000,
  fieldsMin: 1,
  fieldsMax: 12,
  startersMax: 6,
  starterMax: 300,
  labelMax: 80,
  placeholderMax: 200,
  helpMax: 300,
  optionsMax: 30,
  optionMax: 80,
  textMaxLength: 2000,
} as const;

/** Default length limits when a field does not set its own. */
export const DEFAULT_MAX_LENGTH = { text: 200, textarea: 1000 } as const;

const roleIdSchema = z
  .string()
  .min(2, "Role id must be at least 2 characters")
  .max(64, "Role id must be at most 64 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Role id may only use lowercase letters, digits and single dashes");

/** Field keys are the names of form inputs and the keys of stored details, shared across roles. */
export const fieldKeySchema = z
  .string({ error: "Key is required" })
  .trim()
  .min(1, "Key is required")
  .max(40, "Key must be at most 40 characters")
  .regex(/^[a-z][a-z0-9_]*$/, "Key must start with a letter and use only lowercase letters, digits and _");

const text = (label: string, max: number, min = 0) => {
  const base = z.string({ error: `${label} must be text` }).trim().max(max, `${label} must be at most ${max} characters`);
  return min > 0 ? base.min(min, `${label} is required`) : base;
};

const optionalText = (label: string, max: number) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), text(label, max).optional());

const baseField = {
  key: fieldKeySchema,
  label: text("Label", ROLE_LIMITS.labelMax, 1),
  required: z.boolean().default(false),
  placeholder: optionalText("Placeholder", ROLE_LIMITS.placeholderMax),
  help: optionalText("Help text", ROLE_LIMITS.helpMax),
};

const maxLengthSchema = z
  .number({ error: "Maximum length must be a number" })
  .int("Maximum length must be a whole number")
  .min(1, "Maximum length must be at least 1")
  .max(ROLE_LIMITS.textMaxLength, `Maximum length must be at most ${ROLE_LIMITS.textMaxLength}`);

const optionsSchema = z
  .array(text("Option", ROLE_LIMITS.optionMax, 1), { error: "Options must be a list" })
  .min(1, "Add at least one option")
  .max(ROLE_LIMITS.optionsMax, `At most ${ROLE_LIMITS.optionsMax} options`)
  .refine((options) => new Set(options).size === options.length, "Options must be unique");

const textFieldSchema = z.object({
  ...baseField,
  type: z.literal("text"),
  maxLength: maxLengthSchema.default(DEFAULT_MAX_LENGTH.text),
  default: z.string().trim().optional(),
});

const textareaFieldSchema = z.object({
  ...baseField,
  type: z.literal("textarea"),
  maxLength: maxLengthSchema.default(DEFAULT_MAX_LENGTH.textarea),
  default: z.string().trim().optional(),
});

const finite = (label: string) => z.number({ error: `${label} must be a number` });

const numberFieldSchema = z.object({
  ...baseField,
  type: z.literal("number"),
  min: finite("Minimum").optional(),
  max: finite("Maximum").optional(),
  /** Whole numbers only (ages, counts). */
  integer: z.boolean().optional(),
  default: finite("Default").optional(),
});

const selectFieldSchema = z.object({
  ...baseField,
  type: z.literal("select"),
  options: optionsSchema,
  default: z.string().optional(),
});

const multiselectFieldSchema = z.object({
  ...baseField,
  type: z.literal("multiselect"),
  options: optionsSchema,
  default: z.array(z.string()).optional(),
});

/** Cross-property checks a single field object can fail on (min ≤ max, default fits). */
function checkField(field: RoleField, ctx: z.RefinementCtx, path: (string | number)[]): void {
  const issue = (message: string, at: string) => ctx.addIssue({ code: "custom", message, path: [...path, at] });
  switch (field.type) {
    case "number":
      if (field.min !== undefined && field.max !== undefined && field.min > field.max) issue("Minimum must not be greater than maximum", "max");
      if (field.default !== undefined) {
        if (field.min !== undefined && field.default < field.min) issue("Default must not be below the minimum", "default");
        if (field.max !== undefined && field.default > field.max) issue("Default must not be above the maximum", "default");
      }
      break;
    case "select":
      if (field.default !== undefined && !field.options.includes(field.default)) issue("Default must be one of the options", "default");
      break;
    case "multiselect":
      if (field.default?.some((value) => !field.options.includes(value))) issue("Defaults must be among the options", "default");
      break;
    default:
      if (field.default !== undefined && field.default.length > field.maxLength) issue("Default is longer than the maximum length", "default");
  }
}

export const roleFieldSchema = z.discriminatedUnion(
  "type",
  [textFieldSchema, textareaFieldSchema, numberFieldSchema, selectFieldSchema, multiselectFieldSchema],
  { error: "Field type must be text, textarea, number, select or multiselect" },
);

export type RoleField = z.infer<typeof roleFieldSchema>;
export type RoleFieldType = RoleField["type"];
const roleShape = {
  id: roleIdSchema,
  name: text("Name", ROLE_LIMITS.nameMax, 1),
  description: text("Description", ROLE_LIMITS.descriptionMax).default(""),
  category: text("Category", ROLE_LIMITS.categoryMax, 1),
  icon: z
    .string({ error: "Icon must be text" })
    .trim()
    .max(64, "Icon name is too long")
    .regex(/^[a-zA-Z0-9-]+$/, "Icon must be a lucide icon name such as \"life-buoy\"")
    .default("sparkles"),
  instructions: text("Instructions", ROLE_LIMITS.instructionsMax, 1),
  fields: z
    .array(roleFieldSchema, { error: "Fields must be a list" })
    .min(ROLE_LIMITS.fieldsMin, "Add at least one field")
    .max(ROLE_LIMITS.fieldsMax, `A role can have at most ${ROLE_LIMITS.fieldsMax} fields`),
  starters: z
    .array(text("Starter", ROLE_LIMITS.starterMax, 1), { error: "Starters must be a list" })
    .max(ROLE_LIMITS.startersMax, `At most ${ROLE_LIMITS.startersMax} starters`)
    .default([]),
  temperature: z
    .number({ error: "Temperature must be a number" })
    .min(0, "Temperature must be at least 0")
    .max(2, "Temperature must be at most 2")
    .default(0.7),
};

/** Keys unique within the role, reported on the duplicate field's key so a form can show it there. */
function checkFields(role: { fields: RoleField[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  role.fields.forEach((field, index) => {
    if (seen.has(field.key)) {
      ctx.addIssue({ code: "custom", message: `Another field already uses the key "${field.key}"`, path: ["fields", index, "key"] });
    }
    seen.add(field.key);
    checkField(field, ctx, ["fields", index]);
  });
}

export const roleSchema = z.object(roleShape).superRefine(checkFields);

/** A user-made role as submitted: same shape, the id is generated (and any sent id ignored) server side. */
export const roleInputSchema = z.object(roleShape).omit({ id: true }).superRefine(checkFields);

export type Role = z.infer<typeof roleSchema>;
export type RoleInput = z.infer<typeof roleInputSchema>;

/** The choices of a select/multiselect field; [] for other types (saves narrowing in UI code). */
export function fieldOptions(field: RoleField): string[] {
  return field.type === "select" || field.type === "multiselect" ? field.options : [];
}
