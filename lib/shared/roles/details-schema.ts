/**
 * The details validator, derived from a role's fields: the same function runs in the browser (form
 * feedback) and on the server (truth). Form quirks are absorbed here: empty strings count as
 * missing, numbers may arrive as strings, a single multiselect value may arrive unwrapped.
 */
import { fieldErrors, type FieldErrors } from "@/lib/shared/errors";
import { z } from "zod";
import type { RoleField } from "@/lib/shared/roles/role-schema";

export type Details = Record<string, unknown>;

/** "" / whitespace / null → undefined; strings trimmed. */
function blankToUndefined(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed === "" ? undefined : trimmed;
  }
  return value;
}

function toNumber(value: unknown): unknown {
  const cleaned = blankToUndefined(value);
  if (typeof cleaned === "string") {
    const parsed = Number(cleaned);
    return Number.isNaN(parsed) ? cleaned : parsed;
  }
  return cleaned;
}

/** A list of chosen options; a lone string becomes a one-item list, blanks and repeats are dropped. */
function toList(value: unknown): unknown {
  const cleaned = blankToUndefined(value);
  const list = typeof cleaned === "string" ? [cleaned] : cleaned;
  if (!Array.isArray(list)) return list;
  const items = [...new Set(list.map(blankToUndefined).filter((item) => item !== undefined))];
  return items.length === 0 ? undefined : items;
}

const missingOr = (label: string, otherwise: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `${label} is required` : otherwise;

function valueSchema(field: RoleField): z.ZodType {
  const { label } = field;
  switch (field.type) {
    case "text":
    case "textarea":
      return z
        .string({ error: missingOr(label, `${label} must be text`) })
        .max(field.maxLength, `${label} must be at most ${field.maxLength} characters`);
    case "number": {
      let schema = z.number({ error: missingOr(label, `${label} must be a number`) });
      if (field.integer) schema = schema.int(`${label} must be a whole number`);
      if (field.min !== undefined) schema = schema.min(field.min, `${label} must be at least ${field.min}`);
      if (field.max !== undefined) schema = schema.max(field.max, `${label} must be at most ${field.max}`);
      return schema;
    }
    case "select":
      return z.enum(field.options as [string, ...string[]], {
        error: missingOr(label, `Choose one of the options for ${label}`),
      });
    case "multiselect":
      return z.array(
        z.enum(field.options as [string, ...string[]], { error: `Choose only from the options for ${label}` }),
        { error: (issue) => (issue.input === undefined ? `Choose at least one option for ${label}` : `Choose one or more options for ${label}`) },
      );
  }
}

/**
 * One field's value as a program sends it (JSON: a number is a number, a list a list), with no
 * form quirks: the function declaration Gemini receives is generated from it, so the model is told
 * the same types, options and ranges the form checks.
 */
export function strictFieldValueSchema(field: RoleField): z.ZodType {
  return valueSchema(field);
}

/** The validator of one field's value (normalised input → clean value), optional unless required. */
export function fieldValueSchema(field: RoleField): z.ZodType {
  const normalise = field.type === "number" ? toNumber : field.type === "multiselect" ? toList : blankToUndefined;
  const inner = valueSchema(field);
  return z.preprocess(normalise, field.required ? inner : inner.optional());
}

/** Unknown keys are stripped; missing optional values are left out of the result. */
export function detailsSchemaFor(fields: readonly RoleField[]): z.ZodObject<Record<string, z.ZodType>> {
  return z.object(Object.fromEntries(fields.map((field) => [field.key, fieldValueSchema(field)])));
}

/** The value as this field would accept it, or undefined when it does not fit (wrong option, out of range). */
function acceptedValue(field: RoleField, value: unknown): unknown {
  if (value === undefined) return undefined;
  const parsed = fieldValueSchema({ ...field, required: true } as RoleField).safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Starting values for a details form: the previous brief for this role first, then values from
 * other briefs for fields with the same key (newest brief first), then each field's default.
 * Values that no longer fit the field (an option since removed, a number out of range) are skipped.
 */
export function defaultDetails(fields: readonly RoleField[], previous?: Details | null, otherBriefs: readonly Details[] = []): Details {
  const result: Details = {};
  for (const field of fields) {
    const candidates = [previous?.[field.key], ...otherBriefs.map((brief) => brief[field.key]), field.default];
    for (const candidate of candidates) {
      const value = acceptedValue(field, candidate);
      if (value !== undefined) {
        result[field.key] = value;
        break;
      }
    }
  }
  return result;
}

/** Pre-fill for a role the user has no brief for yet: shared keys (age, country, ...) from other briefs. */
export function mergeSharedDetails(fields: readonly RoleField[], briefs: readonly Details[]): Details {
  return defaultDetails(fields, undefined, briefs);
}

/** Field-keyed messages, for forms: { age: ["Age must be at least 18"] }. */
export const detailsErrors: (error: z.ZodError) => FieldErrors = fieldErrors;
