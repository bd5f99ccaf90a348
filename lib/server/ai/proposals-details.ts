/**
 * `propose_details_update`: the model proposes a new value for one of the role's remembered
 * details. Unlike a plan, its parameters depend on the conversation's role, so the declaration is
 * generated per turn from the role's own fields by the same per-field zod schemas the details form
 * validates with (lib/shared/roles/details-schema.ts): types, options and ranges are stated once.
 */
import "server-only";
import { z } from "zod";
import { AiError } from "@/lib/server/ai/ai-errors";
import { strictFieldValueSchema } from "@/lib/shared/roles/details-schema";
import type { RoleField } from "@/lib/shared/roles/role-schema";

export const DETAILS_TOOL = "propose_details_update";
/** The user's sentence the update came from, as the card quotes it. */
export const DETAILS_SENTENCE_MAX = 300;

export interface DetailsUpdate {
  /** The field's key in the role's fields. */
  field: string;
  /** The new value, already valid for that field. */
  value: unknown;
  /** The sentence of the user's message it came from. */
  sentence: string;
}

const sentenceSchema = z
  .string({ error: "The sentence must be text" })
  .trim()
  .min(1, "The sentence is required")
  .max(DETAILS_SENTENCE_MAX, `The sentence must be at most ${DETAILS_SENTENCE_MAX} characters`);

function updateSchemaOf(field: RoleField): z.ZodObject {
  return z.object({
    field: z.literal(field.key).describe(field.label),
    value: strictFieldValueSchema({ ...field, required: true } as RoleField),
    sentence: sentenceSchema.describe("The user's sentence that states the new value, quoted."),
  });
}

/** One object per field: the field's key fixes the type of `value` (a JSON Schema anyOf for Gemini). */
export function detailsUpdateSchemaFor(fields: readonly RoleField[]): z.ZodType<DetailsUpdate> {
  const [first, ...rest] = fields.map(updateSchemaOf);
  if (!first) throw new Error("A role has at least one field.");
  return (rest.length === 0 ? first : z.discriminatedUnion("field", [first, ...rest])) as unknown as z.ZodType<DetailsUpdate>;
}

export function detailsToolDescription(fields: readonly RoleField[]): string {
  const labels = fields.map((field) => `${field.key} (${field.label})`).join(", ");
  return [
    "Propose an update to one of the user's remembered details for this role, when the user states a new value for it in this conversation (for example \"I'm 41 now\" or \"we moved to Lisbon\").",
    `The details are: ${labels}. Use only these keys and values that fit the field.`,
    "The user applies or dismisses the update; never say it was saved.",
  ].join(" ");
}

function refuse(message: string, cause?: unknown): AiError {
  return new AiError("invalid_details_update", { message: `I couldn't use that update to your details: ${message}`, cause });
}

/**
 * Validates a call's arguments against the role's fields: a key the role lacks or a value that
 * does not fit is refused whole, with the reason in words the user can act on.
 */
export function parseDetailsCall(fields: readonly RoleField[], args: unknown): DetailsUpdate {
  const key = (args as { field?: unknown } | null)?.field;
  const field = fields.find((candidate) => candidate.key === key);
  if (!field) throw refuse(`this role has no detail called “${typeof key === "string" ? key.slice(0, 40) : "?"}”.`);
  const parsed = updateSchemaOf(field).safeParse(args);
  if (!parsed.success) throw refuse(`${parsed.error.issues[0]?.message ?? "the value does not fit"}.`, parsed.error);
  return parsed.data as unknown as DetailsUpdate;
}
