/** Collection validators: `$jsonSchema` plus any other query operators, with level and action. */
import { MongoError } from "./errors";
import { createQuery } from "./mingo-context";
import type { Doc } from "./doc-paths";
import { validateSchema, type Schema, type SchemaFailure } from "./schema-validator";

export interface ValidatorOptions {
  validator?: Doc;
  validationLevel?: string;
  validationAction?: string;
}

function failures(validator: Doc, doc: Doc): SchemaFailure[] | null {
  const { $jsonSchema, ...rest } = validator;
  const out: SchemaFailure[] = [];
  if ($jsonSchema) out.push(...validateSchema($jsonSchema as Schema, doc));
  const queryFails = Object.keys(rest).length > 0 && !createQuery(rest).test(doc);
  if (out.length === 0 && !queryFails) return null;
  return out;
}

/**
 * Throws code 121 when `doc` breaks the validator. `previous` is the stored version for updates
 * (validationLevel "moderate" skips documents that were already invalid).
 */
export function checkValidator(options: ValidatorOptions, doc: Doc, previous: Doc | undefined, ns: string, quiet: boolean): void {
  const validator = options.validator;
  if (!validator || Object.keys(validator).length === 0) return;
  const level = options.validationLevel ?? "strict";
  if (level === "off") return;
  const broken = failures(validator, doc);
  if (!broken) return;
  if (level === "moderate" && previous && failures(validator, previous)) return;
  const details: Doc = { operatorName: validator.$jsonSchema ? "$jsonSchema" : "$and" };
  if (validator.$jsonSchema) details.schemaRulesNotSatisfied = broken;
  if (options.validationAction === "warn") {
    if (!quiet) console.warn(`[embedded-mongo] Document failed validation in ${ns} (validationAction "warn"): ${JSON.stringify(broken)}`);
    return;
  }
  throw new MongoError(121, "Document failed validation", { errInfo: { failingDocumentId: doc._id, details } });
}
