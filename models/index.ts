/**
 * Every collection the app uses. Start-up (instrumentation.ts) calls ensureAllModels, so a bad
 * validator or index stops the server before its first request; a new model plugs in by
 * exporting a `defineModel({...})` and being listed here.
 */
import "server-only";
import type { Db } from "mongodb";
import { getDb } from "@/lib/server/infra/db/client";
import { ensureModels } from "@/lib/server/infra/db/ensure-indexes";
import type { ModelDefinition } from "@/lib/server/infra/db/model";
import { apiTokensModel } from "@/models/api-tokens";
import { briefsModel } from "@/models/briefs";
import { conversationsModel } from "@/models/conversations";
import { idempotencyKeysModel } from "@/models/idempotency-keys";
import { messagesModel } from "@/models/messages";
import { projectsModel } from "@/models/projects";
import { rateLimitsModel } from "@/models/rate-limits";
import { rolesModel } from "@/models/roles";
import { sessionsModel } from "@/models/sessions";
import { tasksModel } from "@/models/tasks";
import { usersModel } from "@/models/users";

export const allModels: readonly ModelDefinition[] = [
  usersModel,
  rateLimitsModel,
  conversationsModel,
  messagesModel,
  briefsModel,
  rolesModel,
  sessionsModel,
  projectsModel,
  tasksModel,
  apiTokensModel,
  idempotencyKeysModel,
];

/** Creates every collection, validator and index (idempotent, awaited) and returns the database. */
export async function ensureAllModels(): Promise<Db> {
  const db = await getDb();
  await ensureModels(db, allModels);
  return db;
}
