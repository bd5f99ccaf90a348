/**
 * Every collection the app uses. Start-up (instrumentation.ts) calls ensureAllModels, so a bad
 * validator or index stops the server before its first request; a new model plugs in by
 * exporting a `defineModel({...})` and its hot queries, and being listed here.
 */
import "server-only";
import type { Db } from "mongodb";
import { getDb } from "@/lib/server/infra/db/client";
import { ensureModels } from "@/lib/server/infra/db/ensure-indexes";
import type { ModelDefinition } from "@/lib/server/infra/db/model";
import type { HotQuery } from "@/lib/server/infra/db/query-check";
import { apiTokensHotQueries, apiTokensModel } from "@/models/api-tokens";
import { attachmentChunksModel, attachmentFilesModel, attachmentsHotQueries } from "@/models/attachments";
import { briefsHotQueries, briefsModel } from "@/models/briefs";
import { conversationsHotQueries, conversationsModel } from "@/models/conversations";
import { idempotencyKeysHotQueries, idempotencyKeysModel } from "@/models/idempotency-keys";
import { importJobsHotQueries, importJobsModel } from "@/models/import-jobs";
import { messagesHotQueries, messagesModel } from "@/models/messages";
import { projectsHotQueries, projectsModel } from "@/models/projects";
import { liveNoticesHotQueries, liveNoticesModel } from "@/models/live-notices";
import { replyChunksHotQueries, replyChunksModel } from "@/models/reply-chunks";
import { replyStreamsHotQueries, replyStreamsModel } from "@/models/reply-streams";
import { rateLimitsHotQueries, rateLimitsModel } from "@/models/rate-limits";
import { rolesHotQueries, rolesModel } from "@/models/roles";
import { searchHotQueries } from "@/models/search";
import { sessionsHotQueries, sessionsModel } from "@/models/sessions";
import { shareLinksHotQueries, shareLinksModel } from "@/models/share-links";
import { tasksHotQueries, tasksModel } from "@/models/tasks";
import { usersHotQueries, usersModel } from "@/models/users";

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
  replyChunksModel,
  replyStreamsModel,
  liveNoticesModel,
  attachmentFilesModel,
  attachmentChunksModel,
  shareLinksModel,
  importJobsModel,
];

/**
 * Every query the app sends on a hot path, for `npm run db:check`: each model lists its own, built
 * by the same shape builders its functions run (lib/server/infra/db/query-shape.ts).
 */
export const allHotQueries: readonly HotQuery[] = [
  ...usersHotQueries,
  ...rateLimitsHotQueries,
  ...conversationsHotQueries,
  ...messagesHotQueries,
  ...briefsHotQueries,
  ...rolesHotQueries,
  ...sessionsHotQueries,
  ...projectsHotQueries,
  ...tasksHotQueries,
  ...apiTokensHotQueries,
  ...idempotencyKeysHotQueries,
  ...replyChunksHotQueries,
  ...replyStreamsHotQueries,
  ...liveNoticesHotQueries,
  ...searchHotQueries,
  ...attachmentsHotQueries,
  ...shareLinksHotQueries,
  ...importJobsHotQueries,
];

/** Creates every collection, validator and index (idempotent, awaited) and returns the database. */
export async function ensureAllModels(): Promise<Db> {
  const db = await getDb();
  await ensureModels(db, allModels);
  return db;
}
