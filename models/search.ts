/**
 * Search's queries over four collections, each answered by that collection's text index (declared
 * beside its model, userId first so `$text` reads only the owner's entries): messages, conversation
 * titles, project names and descriptions, task titles and notes. Each returns at most `limit`
 * candidates, best textScore first; the search service intersects, joins and pages them.
 */
import "server-only";
import type { Collection, Document, Filter, ObjectId } from "mongodb";
import { modelCollection } from "@/lib/server/infra/db/collection";
import type { ModelDefinition } from "@/lib/server/infra/db/model";
import { findWith, hotQueriesOf, SAMPLE_OWNER, sampleId, shape } from "@/lib/server/infra/db/query-shape";
import { conversationsModel, type ConversationDoc, type Owner } from "@/models/conversations";
import { messagesModel, type MessageDoc } from "@/models/messages";
import { projectsModel, type ProjectDoc } from "@/models/projects";
import { tasksModel, type TaskDoc } from "@/models/tasks";

export type Scored<T> = T & { score: number };

const SCORE = { score: { $meta: "textScore" } } as const;

function textFind<T extends Document>(filter: Filter<T>, fields: Document, limit: number) {
  return shape.find<T>({ filter, projection: { ...fields, ...SCORE }, sort: SCORE, limit });
}

export const searchQueries = {
  messages: (owner: Owner, search: string, limit: number) =>
    textFind<MessageDoc>({ userId: owner, $text: { $search: search }, kind: { $ne: "notice" } }, { conversationId: 1, sender: 1, message: 1, timestamp: 1 }, limit),
  titles: (owner: Owner, search: string, limit: number) =>
    textFind<ConversationDoc>({ userId: owner, $text: { $search: search } }, { title: 1, roleId: 1, roleName: 1, projectId: 1, lastMessageAt: 1 }, limit),
  projects: (owner: Owner, search: string, limit: number) =>
    textFind<ProjectDoc>({ userId: owner, $text: { $search: search } }, { name: 1, description: 1, roleId: 1, updatedAt: 1 }, limit),
  tasks: (owner: Owner, search: string, limit: number) =>
    textFind<TaskDoc>({ userId: owner, $text: { $search: search } }, { projectId: 1, title: 1, notes: 1, status: 1, updatedAt: 1 }, limit),
  /** The conversations the message hits belong to (role, title, project), by _id. */
  conversationsByIds: (owner: Owner, ids: ObjectId[]) =>
    shape.find<ConversationDoc>({ filter: { _id: { $in: ids }, userId: owner }, projection: { title: 1, roleId: 1, roleName: 1, projectId: 1, lastMessageAt: 1 } }),
  projectsByIds: (owner: Owner, ids: ObjectId[]) => shape.find<ProjectDoc>({ filter: { _id: { $in: ids }, userId: owner }, projection: { name: 1, roleId: 1, updatedAt: 1 } }),
};

async function run<T extends Document>(model: ModelDefinition, q: ReturnType<typeof textFind<T>>): Promise<Scored<T>[]> {
  const collection: Collection<T> = await modelCollection<T>(model);
  return (await findWith(collection, q).toArray()) as unknown as Scored<T>[];
}

export const searchMessages = (owner: Owner, search: string, limit: number) => run<MessageDoc>(messagesModel, searchQueries.messages(owner, search, limit));
export const searchConversationTitles = (owner: Owner, search: string, limit: number) => run<ConversationDoc>(conversationsModel, searchQueries.titles(owner, search, limit));
export const searchProjects = (owner: Owner, search: string, limit: number) => run<ProjectDoc>(projectsModel, searchQueries.projects(owner, search, limit));
export const searchTasks = (owner: Owner, search: string, limit: number) => run<TaskDoc>(tasksModel, searchQueries.tasks(owner, search, limit));

export async function findConversationsByIds(owner: Owner, ids: ObjectId[]): Promise<ConversationDoc[]> {
  if (ids.length === 0) return [];
  return findWith(await modelCollection<ConversationDoc>(conversationsModel), searchQueries.conversationsByIds(owner, ids)).toArray();
}

export async function findProjectsByIds(owner: Owner, ids: ObjectId[]): Promise<ProjectDoc[]> {
  if (ids.length === 0) return [];
  return findWith(await modelCollection<ProjectDoc>(projectsModel), searchQueries.projectsByIds(owner, ids)).toArray();
}

const sq = searchQueries;
const file = "models/search.ts";
export const searchHotQueries = [
  ...hotQueriesOf("messages", file, { search: ["searchMessages", sq.messages(SAMPLE_OWNER, "pension plan", 400)] }),
  ...hotQueriesOf("conversations", file, {
    searchTitles: ["searchConversationTitles", sq.titles(SAMPLE_OWNER, "pension", 100)],
    searchJoin: ["findConversationsByIds", sq.conversationsByIds(SAMPLE_OWNER, [sampleId(2), sampleId(3)])],
  }),
  ...hotQueriesOf("projects", file, {
    search: ["searchProjects", sq.projects(SAMPLE_OWNER, '"garden plan"', 50)],
    searchJoin: ["findProjectsByIds", sq.projectsByIds(SAMPLE_OWNER, [sampleId(4)])],
  }),
  ...hotQueriesOf("tasks", file, { search: ["searchTasks", sq.tasks(SAMPLE_OWNER, "seeds -tomato", 100)] }),
];
