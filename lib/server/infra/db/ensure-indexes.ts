/**
 * Creates every model's collection, $jsonSchema validator and indexes. Idempotent (existing
 * collections get their validator refreshed with collMod; createIndexes is a no-op for an
 * identical index) and awaited: a failure throws with the collection and index named, so a
 * broken index stops start-up instead of silently degrading queries.
 */
import "server-only";
import type { Db } from "mongodb";
import type { ModelDefinition } from "@/lib/server/infra/db/model";

const NAMESPACE_EXISTS = 48;

function errorCode(error: unknown): number | undefined {
  return typeof error === "object" && error !== null && "code" in error ? Number((error as { code: unknown }).code) : undefined;
}

async function ensureCollection(db: Db, model: ModelDefinition): Promise<void> {
  const validator = model.jsonSchema ? { $jsonSchema: model.jsonSchema } : undefined;
  const existing = await db.listCollections({ name: model.collection }, { nameOnly: true }).toArray();
  if (existing.length === 0) {
    try {
      await db.createCollection(model.collection, validator ? { validator, validationLevel: "strict", validationAction: "error" } : {});
      return;
    } catch (error) {
      // Another process created it between our check and create: fall through to collMod.
      if (errorCode(error) !== NAMESPACE_EXISTS) throw error;
    }
  }
  if (validator) {
    await db.command({ collMod: model.collection, validator, validationLevel: "strict", validationAction: "error" });
  }
}

export async function ensureModel(db: Db, model: ModelDefinition): Promise<void> {
  try {
    await ensureCollection(db, model);
  } catch (error) {
    throw new Error(`Could not create collection "${model.collection}" or its validator: ${String(error)}`, { cause: error });
  }
  if (model.indexes.length === 0) return;
  try {
    await db.collection(model.collection).createIndexes(model.indexes);
  } catch (error) {
    const names = model.indexes.map((index) => index.name).join(", ");
    throw new Error(`Could not create indexes [${names}] on "${model.collection}": ${String(error)}`, { cause: error });
  }
}

const ensured = new WeakMap<Db, Map<string, Promise<void>>>();

/** ensureModel at most once per database object and collection; a failure is retried on the next call. */
export function ensureModelOnce(db: Db, model: ModelDefinition): Promise<void> {
  let done = ensured.get(db);
  if (!done) ensured.set(db, (done = new Map()));
  let pending = done.get(model.collection);
  if (!pending) {
    pending = ensureModel(db, model).catch((error: unknown) => {
      done.delete(model.collection);
      throw error;
    });
    done.set(model.collection, pending);
  }
  return pending;
}

/** Ensures all models, one after another (start-up is rare; sequential keeps errors readable). */
export async function ensureModels(db: Db, models: readonly ModelDefinition[]): Promise<void> {
  for (const model of models) await ensureModelOnce(db, model);
}
