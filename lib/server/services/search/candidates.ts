/**
 * The candidates of one search: each source's best `$text` matches (bounded), kept only when they
 * hold every query word, joined to their conversations and projects (owner-scoped: a hit whose
 * conversation is gone — deleted or cleared — is dropped with it).
 */
import "server-only";
import type { ObjectId } from "mongodb";
import type { ConversationDoc, Owner } from "@/models/conversations";
import type { MessageDoc } from "@/models/messages";
import type { ProjectDoc } from "@/models/projects";
import type { TaskDoc } from "@/models/tasks";
import { findConversationsByIds, findProjectsByIds, searchConversationTitles, searchMessages, searchProjects, searchTasks, type Scored } from "@/models/search";
import { holdsAll } from "@/lib/server/services/search/stems";

/** How many matches each source contributes before intersection and paging (bounds the work). */
export const CANDIDATES = { messages: 400, titles: 100, projects: 50, tasks: 100 } as const;

export interface Candidates {
  messages: Scored<MessageDoc>[];
  titles: Scored<ConversationDoc>[];
  projects: Scored<ProjectDoc>[];
  tasks: Scored<TaskDoc>[];
  conversations: Map<string, ConversationDoc>;
  projectsById: Map<string, ProjectDoc>;
}

export interface Sources {
  messages: boolean;
  titles: boolean;
  projects: boolean;
  tasks: boolean;
}

function uniqueIds(ids: (ObjectId | undefined)[]): ObjectId[] {
  const seen = new Map<string, ObjectId>();
  for (const id of ids) if (id) seen.set(id.toHexString(), id);
  return [...seen.values()];
}

const byHex = <T extends { _id: ObjectId }>(docs: T[]) => new Map(docs.map((doc) => [doc._id.toHexString(), doc]));

export async function findCandidates(owner: Owner, search: string, stems: string[], sources: Sources): Promise<Candidates> {
  const none = Promise.resolve([]);
  const [messages, titles, projects, tasks] = await Promise.all([
    sources.messages ? searchMessages(owner, search, CANDIDATES.messages) : none,
    sources.titles ? searchConversationTitles(owner, search, CANDIDATES.titles) : none,
    sources.projects ? searchProjects(owner, search, CANDIDATES.projects) : none,
    sources.tasks ? searchTasks(owner, search, CANDIDATES.tasks) : none,
  ]);
  const kept = {
    messages: (messages as Scored<MessageDoc>[]).filter((m) => holdsAll(m.message, stems)),
    titles: (titles as Scored<ConversationDoc>[]).filter((c) => holdsAll(c.title, stems)),
    projects: (projects as Scored<ProjectDoc>[]).filter((p) => holdsAll(`${p.name} ${p.description}`, stems)),
    tasks: (tasks as Scored<TaskDoc>[]).filter((t) => holdsAll(`${t.title} ${t.notes ?? ""}`, stems)),
  };
  const conversations = byHex(await findConversationsByIds(owner, uniqueIds([...kept.messages.map((m) => m.conversationId), ...kept.titles.map((c) => c._id)])));
  const projectIds = uniqueIds([...[...conversations.values()].map((c) => c.projectId), ...kept.tasks.map((t) => t.projectId), ...kept.projects.map((p) => p._id)]);
  const projectsById = byHex(await findProjectsByIds(owner, projectIds));
  return { ...kept, messages: kept.messages.filter((m) => conversations.has(m.conversationId.toHexString())), conversations, projectsById };
}
