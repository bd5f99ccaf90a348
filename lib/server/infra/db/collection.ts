/**
 * How a model reaches its collection: on the shared client, after its $jsonSchema validator and
 * indexes exist (ensured once per process; start-up also ensures every model eagerly, see
 * models/index.ts). Keeping this per model means lib/db never needs the list of models.
 */
import "server-only";
import type { Collection, Document } from "mongodb";
import { getDb } from "@/lib/server/infra/db/client";
import { ensureModelOnce } from "@/lib/server/infra/db/ensure-indexes";
import type { ModelDefinition } from "@/lib/server/infra/db/model";

export async function modelCollection<T extends Document>(model: ModelDefinition): Promise<Collection<T>> {
  const db = await getDb();
  await ensureModelOnce(db, model);
  return db.collection<T>(model.collection);
}
