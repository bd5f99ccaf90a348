/**
 * How a collection declares itself: its name, the indexes hot queries need, and a $jsonSchema
 * validator so the database refuses malformed documents. Each `models/<name>.ts` exports one
 * `ModelDefinition`; `models/index.ts` lists them, and start-up ensures all of them.
 */
import "server-only";
import type { Document, IndexDescription } from "mongodb";

export interface ModelDefinition {
  /** Collection name, e.g. "users". */
  collection: string;
  /** Every index needs an explicit, stable `name` so re-runs are idempotent. */
  indexes: (IndexDescription & { name: string })[];
  /** The `$jsonSchema` document (without the `$jsonSchema` wrapper); omit for none. */
  jsonSchema?: Document;
}

export function defineModel(definition: ModelDefinition): ModelDefinition {
  return definition;
}
