/**
 * The role builder's editable state and its conversion to the role input the server validates
 * (roleInputSchema). The draft keeps everything as strings so half-typed values survive; the
 * conversion is the only place that turns them into numbers and lists.
 */
import { fieldOptions, type Role, type RoleField } from "@/lib/shared/roles/role-schema";

export type FieldType = RoleField["type"];

export const FIELD_TYPES: readonly { value: FieldType; label: string }[] = [
  { value: "text", label: "Short text" },
  { value: "textarea", label: "Long text" },
  { value: "number", label: "Number" },
  { value: "select", label: "One choice" },
  { value: "multiselect", label: "Several choices" },
];

export interface FieldDraft {
  /** Stable React key; never sent. */
  uid: string;
  label: string;
  key: string;
  /** Once the user types a key, it stops following the label. */
  keyEdited: boolean;
  type: FieldType;
  required: boolean;
  placeholder: string;
  help: string;
  /** One option per line. */
  options: string;
  min: string;
  max: string;
  /** Settings the builder does not edit (maxLength, integer, default), kept while the type is unchanged. */
  kept: { type: FieldType; values: Record<string, unknown> } | null;
}

export interface RoleDraft {
  name: string;
  description: string;
  category: string;
  icon: string;
  instructions: string;
  temperature: string;
  starters: string[];
  fields: FieldDraft[];
}

// Fields of a loaded draft get "f<index>" (the same on the server and in the browser, so ids in
// the server-rendered HTML match); fields added later by the user get "n<count>".
let addedCount = 0;
function addedUid(): string {
  addedCount += 1;
  return `n${addedCount}`;
}

/** "Monthly budget (€)" → "monthly_budget": what the details are stored under. */
export function slugifyKey(label: string): string {
  const slug = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40)
    .replace(/_+$/, "");
  return /^[a-z]/.test(slug) ? slug : slug ? `f_${slug}` : "";
}

export function emptyField(uid: string = addedUid()): FieldDraft {
  return { uid, label: "", key: "", keyEdited: false, type: "text", required: false, placeholder: "", help: "", options: "", min: "", max: "", kept: null };
}

export function emptyDraft(): RoleDraft {
  return { name: "", description: "", category: "Custom", icon: "sparkles", instructions: "", temperature: "0.7", starters: [], fields: [emptyField("f0")] };
}

function keptValues(field: RoleField): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if ("maxLength" in field) values.maxLength = field.maxLength;
  if ("integer" in field && field.integer !== undefined) values.integer = field.integer;
  if (field.default !== undefined) values.default = field.default;
  return values;
}

function fieldDraftOf(field: RoleField, index: number): FieldDraft {
  return {
    uid: `f${index}`,
    label: field.label,
    key: field.key,
    keyEdited: true,
    type: field.type,
    required: Boolean(field.required),
    placeholder: field.placeholder ?? "",
    help: field.help ?? "",
    options: fieldOptions(field).join("\n"),
    min: field.type === "number" && field.min !== undefined ? String(field.min) : "",
    max: field.type === "number" && field.max !== undefined ? String(field.max) : "",
    kept: { type: field.type, values: keptValues(field) },
  };
}

export function draftOf(role: Role): RoleDraft {
  return {
    name: role.name,
    description: role.description,
    category: role.category,
    icon: role.icon,
    instructions: role.instructions,
    temperature: role.temperature === undefined ? "" : String(role.temperature),
    starters: [...role.starters],
    fields: role.fields.map(fieldDraftOf),
  };
}

function numberOrText(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const number = Number(trimmed);
  // A non-number is passed through so the schema reports it rather than it silently vanishing.
  return Number.isFinite(number) ? number : trimmed;
}

function fieldInput(field: FieldDraft): Record<string, unknown> {
  const kept = field.kept?.type === field.type ? field.kept.values : {};
  const out: Record<string, unknown> = { ...kept, key: field.key.trim(), label: field.label.trim(), type: field.type, required: field.required };
  if (field.placeholder.trim()) out.placeholder = field.placeholder.trim();
  if (field.help.trim()) out.help = field.help.trim();
  if (field.type === "select" || field.type === "multiselect") {
    out.options = field.options
      .split("\n")
      .map((option) => option.trim())
      .filter(Boolean);
  }
  if (field.type === "number") {
    const min = numberOrText(field.min);
    const max = numberOrText(field.max);
    if (min !== undefined) out.min = min;
    if (max !== undefined) out.max = max;
  }
  return out;
}

/** The draft as the plain object roleInputSchema and saveCustomRoleAction expect. */
export function roleInputOf(draft: RoleDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: draft.name.trim(),
    description: draft.description.trim(),
    category: draft.category.trim(),
    icon: draft.icon,
    instructions: draft.instructions.trim(),
    starters: draft.starters.map((starter) => starter.trim()).filter(Boolean),
    fields: draft.fields.map(fieldInput),
  };
  const temperature = numberOrText(draft.temperature);
  if (temperature !== undefined) out.temperature = temperature;
  return out;
}
