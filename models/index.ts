/**
 * Every collection the app uses. Start-up (lib/db/client.ts → ensure-indexes.ts) creates each
 * one's validator and indexes; a new model plugs in by exporting a `defineModel({...})` and
 * being listed here.
 */
import type { ModelDefinition } from "@/lib/db/model";
import { briefsModel } from "@/models/briefs";
import { conversationsModel } from "@/models/conversations";
import { messagesModel } from "@/models/messages";
import { rateLimitsModel } from "@/models/rate-limits";
import { rolesModel } from "@/models/roles";
import { usersModel } from "@/models/users";

export const allModels: readonly ModelDefinition[] = [usersModel, rateLimitsModel, conversationsModel, messagesModel, briefsModel, rolesModel];
