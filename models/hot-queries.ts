/**
 * Every query the app issues on a hot path, in one list, beside the models they mirror.
 * `npm run db:check` explains each one against the database and fails on a collection scan or an
 * in-memory sort, so a new query without an index fails CI (tests/db-tools/db-check.test.ts).
 *
 * Adding a query: copy the entry nearest to it, set `mirrors` to the function it copies, and give
 * the filter/sort/projection the same shape the function sends, with sample values of the right
 * BSON types (an ObjectId where the app stores an ObjectId). Values do not need to exist.
 */
import { ObjectId } from "mongodb";
import type { HotQuery } from "@/lib/db/query-check";
import { briefsModel } from "@/models/briefs";
import { conversationsModel } from "@/models/conversations";
import { messagesModel } from "@/models/messages";
import { rateLimitsModel } from "@/models/rate-limits";
import { rolesModel } from "@/models/roles";
import { usersModel } from "@/models/users";

// Sample values: right types, arbitrary contents.
const owner = new ObjectId("64b000000000000000000001");
const conversationId = new ObjectId("64b000000000000000000002");
const messageId = new ObjectId("64b000000000000000000003");
const at = new Date("2026-01-01T00:00:00Z");
/** lib/db/delete-user-data.ts matches an owner stored as ObjectId or as its hex string. */
const ownerEither = { $in: [owner, owner.toHexString()] };

const users = usersModel.collection;
const conversations = conversationsModel.collection;
const messages = messagesModel.collection;
const briefs = briefsModel.collection;
const roles = rolesModel.collection;

export const HOT_QUERIES: readonly HotQuery[] = [
  // users
  { name: "users.byEmail", collection: users, mirrors: "models/users.ts#findUserForSignIn", op: "find", filter: { email: "ada@example.com" }, limit: 1 },
  { name: "users.byUsername", collection: users, mirrors: "models/users.ts#findUserForSignIn", op: "find", filter: { username: "ada" }, limit: 1 },
  { name: "users.byId", collection: users, mirrors: "models/users.ts#getUserById", op: "find", filter: { _id: owner }, limit: 1 },
  { name: "users.passwordHash", collection: users, mirrors: "models/users.ts#verifyUserPassword", op: "find", filter: { _id: owner }, projection: { passwordHash: 1 }, limit: 1 },
  { name: "users.recordSignIn", collection: users, mirrors: "models/users.ts#recordSignIn", op: "update", filter: { _id: owner }, update: { $set: { lastLogin: at } } },
  { name: "users.setPassword", collection: users, mirrors: "models/users.ts#setUserPassword", op: "update", filter: { _id: owner }, update: { $set: { passwordHash: "x" }, $inc: { credentialVersion: 1 } } },
  { name: "users.delete", collection: users, mirrors: "lib/db/delete-user-data.ts#deleteUserData", op: "delete", filter: { _id: owner }, many: false },

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
  { name: "conversations.deleteOfUser", collection: conversations, mirrors: "lib/db/delete-user-data.ts#deleteUserData", op: "delete", filter: { userId: ownerEither }, many: true },
  { name: "conversations.idsOfOwner", collection: conversations, mirrors: "lib/db/delete-user-data.ts#deleteUserData", op: "find", filter: { userId: ownerEither }, projection: { _id: 1 } },

  // messages
  { name: "messages.recent", collection: messages, mirrors: "models/messages.ts#listRecentMessages", op: "find", filter: { conversationId, userId: owner }, sort: { timestamp: -1 }, limit: 50 },
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
    mirrors: "lib/db/delete-user-data.ts#deleteUserData",
    op: "delete",
    filter: { $or: [{ userId: ownerEither }, { conversationId: { $in: [conversationId, conversationId.toHexString()] } }] },
    many: true,
  },

  // briefs
  { name: "briefs.upsert", collection: briefs, mirrors: "models/briefs.ts#upsertBrief", op: "update", filter: { userId: owner, roleId: "tech-support" }, update: { $set: { details: {}, updatedAt: at } }, upsert: true },
  { name: "briefs.find", collection: briefs, mirrors: "models/briefs.ts#findBrief", op: "find", filter: { userId: owner, roleId: "tech-support" }, limit: 1 },
  { name: "briefs.recent", collection: briefs, mirrors: "models/briefs.ts#listRecentBriefs", op: "find", filter: { userId: owner }, sort: { updatedAt: -1 }, limit: 20 },
  { name: "briefs.delete", collection: briefs, mirrors: "models/briefs.ts#deleteBrief", op: "delete", filter: { userId: owner, roleId: "tech-support" }, many: false },
  { name: "briefs.deleteOfUser", collection: briefs, mirrors: "lib/db/delete-user-data.ts#deleteUserData", op: "delete", filter: { userId: ownerEither }, many: true },

  // roles (user-made)
  { name: "roles.find", collection: roles, mirrors: "models/roles.ts#findCustomRole", op: "find", filter: { userId: owner, id: "my-role" }, limit: 1 },
  { name: "roles.replace", collection: roles, mirrors: "models/roles.ts#updateCustomRole", op: "update", filter: { _id: messageId, userId: owner }, update: { id: "my-role", userId: owner } },
  { name: "roles.list", collection: roles, mirrors: "models/roles.ts#listCustomRoles", op: "find", filter: { userId: owner }, sort: { updatedAt: -1 }, limit: 100 },
  { name: "roles.count", collection: roles, mirrors: "models/roles.ts#countCustomRoles", op: "aggregate", pipeline: [{ $match: { userId: owner } }, { $group: { _id: 1, n: { $sum: 1 } } }] },
  { name: "roles.delete", collection: roles, mirrors: "models/roles.ts#deleteCustomRole", op: "delete", filter: { userId: owner, id: "my-role" }, many: false },
  { name: "roles.deleteOfUser", collection: roles, mirrors: "lib/db/delete-user-data.ts#deleteUserData", op: "delete", filter: { userId: ownerEither }, many: true },
];
