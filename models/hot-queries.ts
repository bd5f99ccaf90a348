/**
 * Every query the app issues on a hot path, in one list, beside the models they mirror.
 * `npm run db:check` explains each one against the database and fails on a collection scan or an
 * in-memory sort, so a new query without an index fails CI (tests/db-tools/db-check.test.ts).
 *
 * Adding a query: copy the entry nearest to it, set `mirrors` to the function it copies, and give
 * the filter/sort/projection the same shape the function sends, with sample values of the right
 * BSON types (an ObjectId where the app stores an ObjectId). Values do not need to exist.
 */
import "server-only";
import { ObjectId } from "mongodb";
import type { HotQuery } from "@/lib/server/infra/db/query-check";
import { MAX_TASKS_PER_PROJECT } from "@/lib/shared/projects/plan-schema";
import { apiTokensModel, MAX_TOKENS_PER_USER } from "@/models/api-tokens";
import { briefsModel } from "@/models/briefs";
import { conversationsModel } from "@/models/conversations";
import { idempotencyKeysModel } from "@/models/idempotency-keys";
import { messagesModel } from "@/models/messages";
import { MAX_PROJECTS_PER_USER, projectsModel } from "@/models/projects";
import { rateLimitsModel } from "@/models/rate-limits";
import { rolesModel } from "@/models/roles";
import { MAX_LISTED_SESSIONS, sessionsModel } from "@/models/sessions";
import { tasksModel } from "@/models/tasks";
import { usersModel } from "@/models/users";

// Sample values: right types, arbitrary contents.
const owner = new ObjectId("64b000000000000000000001");
const conversationId = new ObjectId("64b000000000000000000002");
const messageId = new ObjectId("64b000000000000000000003");
const projectId = new ObjectId("64b000000000000000000004");
const taskId = new ObjectId("64b000000000000000000005");
const tokenId = new ObjectId("64b000000000000000000006");
const at = new Date("2026-01-01T00:00:00Z");
/** A session id: 32 random bytes, base64url (43 characters). */
const sessionId = "c2Vzc2lvbi1pZC1zYW1wbGUtdmFsdWUtMzItYnl0ZXM";
const tokenHash = "a".repeat(64);
/** "<owner hex>:<sha-256 of the client's key>". */
const idempotencyId = `${owner.toHexString()}:${"b".repeat(64)}`;
/** lib/server/services/account/delete-account.ts matches an owner stored as ObjectId or as its hex string. */
const ownerEither = { $in: [owner, owner.toHexString()] };

const users = usersModel.collection;
const conversations = conversationsModel.collection;
const messages = messagesModel.collection;
const briefs = briefsModel.collection;
const roles = rolesModel.collection;
const projects = projectsModel.collection;
const tasks = tasksModel.collection;
const sessions = sessionsModel.collection;
const apiTokens = apiTokensModel.collection;
const idempotencyKeys = idempotencyKeysModel.collection;
const openStatuses = ["todo", "doing"];

export const HOT_QUERIES: readonly HotQuery[] = [
  // users
  { name: "users.byEmail", collection: users, mirrors: "models/users.ts#findUserForSignIn", op: "find", filter: { email: "ada@example.com" }, limit: 1 },
  { name: "users.byUsername", collection: users, mirrors: "models/users.ts#findUserForSignIn", op: "find", filter: { username: "ada" }, limit: 1 },
  { name: "users.byId", collection: users, mirrors: "models/users.ts#getUserById", op: "find", filter: { _id: owner }, limit: 1 },
  { name: "users.passwordHash", collection: users, mirrors: "models/users.ts#verifyUserPassword", op: "find", filter: { _id: owner }, projection: { passwordHash: 1 }, limit: 1 },
  { name: "users.recordSignIn", collection: users, mirrors: "models/users.ts#recordSignIn", op: "update", filter: { _id: owner }, update: { $set: { lastLogin: at } } },
  { name: "users.setPassword", collection: users, mirrors: "models/users.ts#setUserPassword", op: "update", filter: { _id: owner }, update: { $set: { passwordHash: "x" }, $inc: { credentialVersion: 1 } } },
  { name: "users.exportProfile", collection: users, mirrors: "lib/server/services/account/export-user-data.ts#readExportProfile", op: "find", filter: { _id: owner }, projection: { passwordHash: 0, credentialVersion: 0 }, limit: 1 },
  { name: "users.delete", collection: users, mirrors: "lib/server/services/account/delete-account.ts#deleteUserData", op: "delete", filter: { _id: owner }, many: false },

  // rateLimits
  { name: "rateLimits.increment", collection: rateLimitsModel.collection, mirrors: "models/rate-limits.ts#incrementWindowCounter", op: "findAndModify", filter: { _id: "chat:abc:0" }, update: { $inc: { count: 1 }, $set: { rule: "chat", expiresAt: at } }, upsert: true },

  // conversations
  { name: "conversations.find", collection: conversations, mirrors: "models/conversations.ts#findConversation", op: "find", filter: { _id: conversationId, userId: owner }, limit: 1 },
  { name: "conversations.firstPage", collection: conversations, mirrors: "models/conversations.ts#listConversationsPage", op: "find", filter: { userId: owner }, sort: { lastMessageAt: -1, _id: -1 }, projection: { instructions: 0, fields: 0, details: 0 }, limit: 31 },
  {
    name: "conversations.nextPage",
    collection: conversations,
    mirrors: "models/conversations.ts#listConversationsPage",
    op: "find",
    filter: { userId: owner, $or: [{ lastMessageAt: { $lt: at } }, { lastMessageAt: at, _id: { $lt: conversationId } }] },
    sort: { lastMessageAt: -1, _id: -1 },
    projection: { instructions: 0, fields: 0, details: 0 },
    limit: 31,
  },
  { name: "conversations.rename", collection: conversations, mirrors: "models/conversations.ts#renameConversation", op: "update", filter: { _id: conversationId, userId: owner }, update: { $set: { title: "t" } } },
  { name: "conversations.updateDetails", collection: conversations, mirrors: "models/conversations.ts#updateConversationDetails", op: "findAndModify", filter: { _id: conversationId, userId: owner }, update: { $set: { details: {} } } },
  { name: "conversations.touch", collection: conversations, mirrors: "models/conversations.ts#touchConversation", op: "update", filter: { _id: conversationId, userId: owner }, update: { $max: { lastMessageAt: at }, $inc: { messageCount: 1 } } },
  { name: "conversations.delete", collection: conversations, mirrors: "models/conversations.ts#deleteConversation", op: "delete", filter: { _id: conversationId, userId: owner }, many: false },
  { name: "conversations.deleteAll", collection: conversations, mirrors: "models/conversations.ts#deleteAllConversations", op: "delete", filter: { userId: owner }, many: true },
  { name: "conversations.setGeneratedTitle", collection: conversations, mirrors: "models/conversations.ts#setGeneratedTitle", op: "update", filter: { _id: conversationId, userId: owner, titleSource: { $ne: "user" } }, update: { $set: { title: "t", titleSource: "generated" } } },
  { name: "conversations.linkToProject", collection: conversations, mirrors: "models/conversations.ts#linkConversationToProject", op: "update", filter: { _id: conversationId, userId: owner }, update: { $set: { projectId } } },
  { name: "conversations.latestForRole", collection: conversations, mirrors: "models/conversations.ts#findLatestConversationForRole", op: "find", filter: { userId: owner, roleId: "tech-support" }, sort: { lastMessageAt: -1, _id: -1 }, limit: 1 },
  { name: "conversations.idsForRole", collection: conversations, mirrors: "models/conversations.ts#listConversationIdsForRole", op: "find", filter: { userId: owner, roleId: "tech-support" }, projection: { _id: 1 }, limit: 500 },
  { name: "conversations.deleteOfUser", collection: conversations, mirrors: "lib/server/services/account/delete-account.ts#deleteUserData", op: "delete", filter: { userId: ownerEither }, many: true },
  { name: "conversations.idsOfOwner", collection: conversations, mirrors: "lib/server/services/account/delete-account.ts#deleteUserData", op: "find", filter: { userId: ownerEither }, projection: { _id: 1 } },

  // messages
  { name: "messages.recent", collection: messages, mirrors: "models/messages.ts#listRecentMessages", op: "find", filter: { conversationId, userId: owner }, sort: { timestamp: -1 }, limit: 50 },
  { name: "messages.newestPage", collection: messages, mirrors: "models/messages.ts#listMessagesBefore", op: "find", filter: { conversationId, userId: owner }, sort: { timestamp: -1 }, limit: 51 },
  { name: "messages.olderPage", collection: messages, mirrors: "models/messages.ts#listMessagesBefore", op: "find", filter: { conversationId, userId: owner, timestamp: { $lt: at } }, sort: { timestamp: -1 }, limit: 51 },
  { name: "messages.pageAsc", collection: messages, mirrors: "models/messages.ts#listMessagesPage", op: "find", filter: { conversationId, userId: owner, timestamp: { $gt: at } }, sort: { timestamp: 1 }, limit: 101 },
  { name: "messages.pageDesc", collection: messages, mirrors: "models/messages.ts#listMessagesPage", op: "find", filter: { conversationId, userId: owner, timestamp: { $lt: at } }, sort: { timestamp: -1 }, limit: 101 },
  { name: "messages.find", collection: messages, mirrors: "models/messages.ts#findMessage", op: "find", filter: { _id: messageId, userId: owner }, limit: 1 },
  { name: "messages.transitionProposal", collection: messages, mirrors: "models/messages.ts#transitionProposal", op: "findAndModify", filter: { _id: messageId, userId: owner, sender: "ai", "proposal.kind": "plan", "proposal.state": "proposed" }, update: { $set: { "proposal.state": "applied", "proposal.decidedAt": at } } },
  { name: "messages.lastTurn", collection: messages, mirrors: "models/messages.ts#findLastTurn", op: "find", filter: { conversationId, userId: owner, kind: { $ne: "notice" }, sender: "ai" }, sort: { timestamp: -1 }, limit: 1 },
  { name: "messages.finalizeReply", collection: messages, mirrors: "models/messages.ts#finalizeReply", op: "findAndModify", filter: { _id: messageId, userId: owner }, update: { $set: { message: "m", status: "complete" } } },
  { name: "messages.saveProgress", collection: messages, mirrors: "models/messages.ts#saveReplyProgress", op: "update", filter: { _id: messageId, userId: owner, status: "streaming" }, update: { $set: { message: "m" } } },
  { name: "messages.replaceText", collection: messages, mirrors: "models/messages.ts#replaceMessageText", op: "findAndModify", filter: { _id: messageId, userId: owner, sender: "user" }, update: { $set: { message: "m" } } },
  { name: "messages.deleteRepliesAfter", collection: messages, mirrors: "models/messages.ts#deleteRepliesAfter", op: "delete", filter: { conversationId, userId: owner, sender: "ai", timestamp: { $gt: at } }, many: true },
  { name: "messages.delete", collection: messages, mirrors: "models/messages.ts#deleteMessage", op: "delete", filter: { _id: messageId, conversationId, userId: owner }, many: false },
  { name: "messages.deleteOfConversation", collection: messages, mirrors: "models/messages.ts#deleteConversationMessages", op: "delete", filter: { conversationId, userId: owner }, many: true },
  { name: "messages.deleteAll", collection: messages, mirrors: "models/messages.ts#deleteAllMessages", op: "delete", filter: { userId: owner }, many: true },
  {
    name: "messages.deleteOfUser",
    collection: messages,
    mirrors: "lib/server/services/account/delete-account.ts#deleteUserData",
    op: "delete",
    filter: { $or: [{ userId: ownerEither }, { conversationId: { $in: [conversationId, conversationId.toHexString()] } }] },
    many: true,
  },

  // briefs
  { name: "briefs.upsert", collection: briefs, mirrors: "models/briefs.ts#upsertBrief", op: "update", filter: { userId: owner, roleId: "tech-support" }, update: { $set: { details: {}, updatedAt: at } }, upsert: true },
  { name: "briefs.find", collection: briefs, mirrors: "models/briefs.ts#findBrief", op: "find", filter: { userId: owner, roleId: "tech-support" }, limit: 1 },
  { name: "briefs.recent", collection: briefs, mirrors: "models/briefs.ts#listRecentBriefs", op: "find", filter: { userId: owner }, sort: { updatedAt: -1 }, limit: 20 },
  { name: "briefs.delete", collection: briefs, mirrors: "models/briefs.ts#deleteBrief", op: "delete", filter: { userId: owner, roleId: "tech-support" }, many: false },
  { name: "briefs.deleteOfUser", collection: briefs, mirrors: "lib/server/services/account/delete-account.ts#deleteUserData", op: "delete", filter: { userId: ownerEither }, many: true },

  // roles (user-made)
  { name: "roles.find", collection: roles, mirrors: "models/roles.ts#findCustomRole", op: "find", filter: { userId: owner, id: "my-role" }, limit: 1 },
  { name: "roles.replace", collection: roles, mirrors: "models/roles.ts#updateCustomRole", op: "update", filter: { _id: messageId, userId: owner }, update: { id: "my-role", userId: owner } },
  { name: "roles.list", collection: roles, mirrors: "models/roles.ts#listCustomRoles", op: "find", filter: { userId: owner }, sort: { updatedAt: -1 }, limit: 100 },
  { name: "roles.count", collection: roles, mirrors: "models/roles.ts#countCustomRoles", op: "aggregate", pipeline: [{ $match: { userId: owner } }, { $group: { _id: 1, n: { $sum: 1 } } }] },
  { name: "roles.delete", collection: roles, mirrors: "models/roles.ts#deleteCustomRole", op: "delete", filter: { userId: owner, id: "my-role" }, many: false },
  { name: "roles.deleteOfUser", collection: roles, mirrors: "lib/server/services/account/delete-account.ts#deleteUserData", op: "delete", filter: { userId: ownerEither }, many: true },
  { name: "roles.export", collection: roles, mirrors: "lib/server/services/account/export-user-data.ts#readExportSection", op: "find", filter: { userId: owner }, sort: { createdAt: 1, _id: 1 } },

  // export of the older collections (conversations also drive the per-conversation message reads)
  { name: "briefs.export", collection: briefs, mirrors: "lib/server/services/account/export-user-data.ts#readExportSection", op: "find", filter: { userId: owner }, sort: { roleId: 1 } },
  { name: "conversations.export", collection: conversations, mirrors: "lib/server/services/account/export-user-data.ts#readExportSection", op: "find", filter: { userId: owner }, sort: { createdAt: 1, _id: 1 } },
  { name: "conversations.exportIds", collection: conversations, mirrors: "lib/server/services/account/export-user-data.ts#readExportSection", op: "find", filter: { userId: owner }, sort: { createdAt: 1, _id: 1 }, projection: { _id: 1 } },
  { name: "messages.exportOfConversation", collection: messages, mirrors: "lib/server/services/account/export-user-data.ts#readExportSection", op: "find", filter: { conversationId, userId: owner }, sort: { timestamp: 1 } },

  // projects
  { name: "projects.find", collection: projects, mirrors: "models/projects.ts#findProject", op: "find", filter: { _id: projectId, userId: owner }, limit: 1 },
  { name: "projects.count", collection: projects, mirrors: "models/projects.ts#countProjects", op: "aggregate", pipeline: [{ $match: { userId: owner } }, { $group: { _id: 1, n: { $sum: 1 } } }] },
  { name: "projects.listAll", collection: projects, mirrors: "models/projects.ts#listProjects", op: "find", filter: { userId: owner, status: { $in: ["active", "done", "archived"] } }, sort: { updatedAt: -1, _id: -1 }, limit: MAX_PROJECTS_PER_USER },
  { name: "projects.listActive", collection: projects, mirrors: "models/projects.ts#listProjects", op: "find", filter: { userId: owner, status: { $in: ["active"] } }, sort: { updatedAt: -1, _id: -1 }, limit: MAX_PROJECTS_PER_USER },
  { name: "projects.updateFields", collection: projects, mirrors: "models/projects.ts#updateProjectFields", op: "findAndModify", filter: { _id: projectId, userId: owner }, update: { $set: { name: "n", updatedAt: at } } },
  {
    name: "projects.reserveTasks",
    collection: projects,
    mirrors: "models/projects.ts#reserveTasks",
    op: "update",
    filter: { _id: projectId, userId: owner, $expr: { $lte: [{ $add: [{ $add: ["$taskCounts.todo", "$taskCounts.doing", "$taskCounts.done"] }, 1] }, MAX_TASKS_PER_PROJECT] } },
    update: { $inc: { "taskCounts.todo": 1 }, $set: { updatedAt: at } },
  },
  { name: "projects.adjustTaskCounts", collection: projects, mirrors: "models/projects.ts#adjustTaskCounts", op: "update", filter: { _id: projectId, userId: owner }, update: { $inc: { "taskCounts.todo": -1, "taskCounts.done": 1 }, $set: { updatedAt: at } } },
  { name: "projects.delete", collection: projects, mirrors: "models/projects.ts#deleteProjectDoc", op: "delete", filter: { _id: projectId, userId: owner }, many: false },
  { name: "projects.idsOfOwner", collection: projects, mirrors: "lib/server/services/account/delete-account.ts#deleteUserData", op: "find", filter: { userId: ownerEither }, projection: { _id: 1 } },
  { name: "projects.deleteOfUser", collection: projects, mirrors: "lib/server/services/account/delete-account.ts#deleteUserData", op: "delete", filter: { userId: ownerEither }, many: true },
  { name: "projects.export", collection: projects, mirrors: "lib/server/services/account/export-user-data.ts#readExportSection", op: "find", filter: { userId: owner }, sort: { _id: 1 } },

  // tasks
  { name: "tasks.board", collection: tasks, mirrors: "models/tasks.ts#listProjectTasks", op: "find", filter: { userId: owner, projectId }, sort: { status: 1, order: 1, _id: 1 }, limit: MAX_TASKS_PER_PROJECT },
  { name: "tasks.find", collection: tasks, mirrors: "models/tasks.ts#findTask", op: "find", filter: { _id: taskId, userId: owner, projectId }, limit: 1 },
  { name: "tasks.findMany", collection: tasks, mirrors: "models/tasks.ts#findTasks", op: "find", filter: { _id: { $in: [taskId, messageId] }, userId: owner, projectId }, limit: 2 },
  { name: "tasks.columnEnd", collection: tasks, mirrors: "models/tasks.ts#neighbourOrder", op: "find", filter: { userId: owner, projectId, status: "todo" }, projection: { order: 1 }, sort: { order: -1 }, limit: 1 },
  { name: "tasks.neighbourAfter", collection: tasks, mirrors: "models/tasks.ts#neighbourOrder", op: "find", filter: { userId: owner, projectId, status: "todo", order: { $gt: "a0" }, _id: { $ne: taskId } }, projection: { order: 1 }, sort: { order: 1 }, limit: 1 },
  { name: "tasks.neighbourBefore", collection: tasks, mirrors: "models/tasks.ts#neighbourOrder", op: "find", filter: { userId: owner, projectId, status: "todo", order: { $lt: "a0" }, _id: { $ne: taskId } }, projection: { order: 1 }, sort: { order: -1 }, limit: 1 },
  { name: "tasks.update", collection: tasks, mirrors: "models/tasks.ts#updateTaskDoc", op: "findAndModify", filter: { _id: taskId, userId: owner, projectId }, update: { $set: { status: "done", completedAt: at, updatedAt: at }, $unset: { dueDate: "" } } },
  { name: "tasks.delete", collection: tasks, mirrors: "models/tasks.ts#deleteTaskDoc", op: "findAndModify", filter: { _id: taskId, userId: owner, projectId }, remove: true },
  { name: "tasks.deleteOfProject", collection: tasks, mirrors: "models/tasks.ts#deleteProjectTasks", op: "delete", filter: { userId: owner, projectId }, many: true },
  {
    name: "tasks.openDueBy",
    collection: tasks,
    mirrors: "models/tasks.ts#listOpenTasksDueBy",
    op: "find",
    filter: { userId: owner, status: { $in: openStatuses }, dueDate: { $lte: "2026-01-08" }, projectId: { $in: [projectId] } },
    sort: { dueDate: 1, _id: 1 },
    limit: 20,
  },
  {
    name: "tasks.nextDueByProject",
    collection: tasks,
    mirrors: "models/tasks.ts#nextDueTaskByProject",
    op: "aggregate",
    pipeline: [
      { $match: { userId: owner, status: { $in: openStatuses }, dueDate: { $exists: true }, projectId: { $in: [projectId] } } },
      { $sort: { dueDate: 1, _id: 1 } },
      { $group: { _id: "$projectId", task: { $first: "$$ROOT" } } },
    ],
  },
  {
    name: "tasks.deleteOfUser",
    collection: tasks,
    mirrors: "lib/server/services/account/delete-account.ts#deleteUserData",
    op: "delete",
    filter: { $or: [{ userId: ownerEither }, { projectId: { $in: [projectId, projectId.toHexString()] } }] },
    many: true,
  },
  { name: "tasks.export", collection: tasks, mirrors: "lib/server/services/account/export-user-data.ts#readExportSection", op: "find", filter: { userId: owner }, sort: { _id: 1 } },

  // sessions (findLiveSession runs on every signed-in request; its user read is users.byId)
  { name: "sessions.findLive", collection: sessions, mirrors: "models/sessions.ts#findLiveSession", op: "find", filter: { _id: sessionId, userId: owner, expiresAt: { $gt: at } }, limit: 1 },
  { name: "sessions.touch", collection: sessions, mirrors: "models/sessions.ts#findLiveSession", op: "update", filter: { _id: sessionId }, update: { $set: { lastSeenAt: at, expiresAt: at } } },
  { name: "sessions.list", collection: sessions, mirrors: "models/sessions.ts#listSessions", op: "find", filter: { userId: owner, expiresAt: { $gt: at } }, sort: { lastSeenAt: -1 }, limit: MAX_LISTED_SESSIONS },
  { name: "sessions.delete", collection: sessions, mirrors: "models/sessions.ts#deleteSession", op: "delete", filter: { _id: sessionId, userId: owner }, many: false },
  { name: "sessions.deleteOthers", collection: sessions, mirrors: "models/sessions.ts#deleteOtherSessions", op: "delete", filter: { userId: owner, _id: { $ne: sessionId } }, many: true },
  { name: "sessions.deleteAllOfUser", collection: sessions, mirrors: "models/sessions.ts#deleteOtherSessions", op: "delete", filter: { userId: owner }, many: true },
  { name: "sessions.deleteOfUser", collection: sessions, mirrors: "lib/server/services/account/delete-account.ts#deleteUserData", op: "delete", filter: { userId: ownerEither }, many: true },

  // apiTokens (findLiveTokenByHash runs on every API request)
  { name: "apiTokens.byHash", collection: apiTokens, mirrors: "models/api-tokens.ts#findLiveTokenByHash", op: "find", filter: { tokenHash, $or: [{ expiresAt: { $exists: false } }, { expiresAt: { $gt: at } }] }, projection: { tokenHash: 0 }, limit: 1 },
  { name: "apiTokens.touch", collection: apiTokens, mirrors: "models/api-tokens.ts#touchApiToken", op: "update", filter: { _id: tokenId, $or: [{ lastUsedAt: null }, { lastUsedAt: { $lte: at } }] }, update: { $set: { lastUsedAt: at } } },
  { name: "apiTokens.count", collection: apiTokens, mirrors: "models/api-tokens.ts#countApiTokens", op: "aggregate", pipeline: [{ $match: { userId: owner } }, { $group: { _id: 1, n: { $sum: 1 } } }] },
  { name: "apiTokens.list", collection: apiTokens, mirrors: "models/api-tokens.ts#listApiTokens", op: "find", filter: { userId: owner }, projection: { tokenHash: 0 }, sort: { createdAt: -1 }, limit: MAX_TOKENS_PER_USER },
  { name: "apiTokens.delete", collection: apiTokens, mirrors: "models/api-tokens.ts#deleteApiToken", op: "delete", filter: { _id: tokenId, userId: owner }, many: false },
  { name: "apiTokens.deleteOfUser", collection: apiTokens, mirrors: "lib/server/services/account/delete-account.ts#deleteUserData", op: "delete", filter: { userId: ownerEither }, many: true },
  { name: "idempotencyKeys.deleteOfUser", collection: idempotencyKeys, mirrors: "lib/server/services/account/delete-account.ts#deleteUserData", op: "delete", filter: { userId: ownerEither }, many: true },
  { name: "apiTokens.export", collection: apiTokens, mirrors: "lib/server/services/account/export-user-data.ts#readExportSection", op: "find", filter: { userId: owner }, projection: { tokenHash: 0 }, sort: { createdAt: 1 } },

  // idempotencyKeys (every creating POST of /api/v1 with an Idempotency-Key)
  { name: "idempotencyKeys.find", collection: idempotencyKeys, mirrors: "models/idempotency-keys.ts#claimIdempotencyKey", op: "find", filter: { _id: idempotencyId, userId: owner }, limit: 1 },
  {
    name: "idempotencyKeys.takeOverExpired",
    collection: idempotencyKeys,
    mirrors: "models/idempotency-keys.ts#claimIdempotencyKey",
    op: "findAndModify",
    filter: { _id: idempotencyId, userId: owner, expiresAt: { $lte: at } },
    update: { $set: { requestHash: "h", state: "pending", createdAt: at, expiresAt: at }, $unset: { result: "" } },
  },
  { name: "idempotencyKeys.complete", collection: idempotencyKeys, mirrors: "models/idempotency-keys.ts#completeIdempotencyKey", op: "update", filter: { _id: idempotencyId, userId: owner, state: "pending" }, update: { $set: { state: "done", result: { status: 201, body: "{}" } } } },
  { name: "idempotencyKeys.release", collection: idempotencyKeys, mirrors: "models/idempotency-keys.ts#releaseIdempotencyKey", op: "delete", filter: { _id: idempotencyId, userId: owner, state: "pending" }, many: false },
];
