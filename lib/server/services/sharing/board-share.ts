/**
 * A project board shared read-only by link (/s/board/<token>), the same way as a conversation:
 * a snapshot taken when the link is made (Update link takes a new one under the same URL), an
 * unguessable token, revoke and expiry. The snapshot holds the project's name, description and
 * tasks (title, status, priority, due date — not their notes) and, only when the owner chose it,
 * the project's chat as a conversation share would hold it with every detail hidden. The board's
 * own text (name, description, task titles) is what the owner chose to share and is kept as is.
 */
import "server-only";
import { requireProject } from "@/lib/server/services/projects/project-access";
import { toShareLink, toSharedView } from "@/lib/server/services/sharing/share-dto";
import { applyUpdate, checkShareLimit, hashShareToken, newLinkFields, parseShareInput } from "@/lib/server/services/sharing/share-link-base";
import { takeSnapshot } from "@/lib/server/services/sharing/snapshot";
import { TASK_STATUSES } from "@/lib/shared/projects/plan-schema";
import { boardShareOptionsSchema, type BoardShareOptions, type SharedBoard } from "@/lib/shared/sharing/board";
import { SHARE_TOKEN_PATTERN, shareOptionsSchema, type ShareLink } from "@/lib/shared/sharing/dto";
import { findConversation, type ConversationDoc, type Owner } from "@/models/conversations";
import type { ProjectDoc } from "@/models/projects";
import {
  findLatestBoardShareLink,
  insertShareLink,
  visitShareLink,
  type BoardSnapshot,
  type ShareLinkDoc,
  type ShareLinkInfo,
  type ShareSnapshot,
} from "@/models/share-links";
import { listProjectTasks } from "@/models/tasks";

type BoardParts = Pick<ShareLinkDoc, "board" | "snapshot" | "includeChat">;

/** The chat's snapshot with every detail hidden (its messages are kept only with includeChat). */
async function chatSnapshot(owner: Owner, project: ProjectDoc, conversation: ConversationDoc | null, now: Date): Promise<ShareSnapshot> {
  if (conversation) return takeSnapshot(owner, conversation, shareOptionsSchema.parse({}), now);
  // The chat was deleted: an empty one under the project's name keeps the stored shape.
  return { title: project.name, roleId: project.roleId, roleName: "", roleIcon: "", startedAt: project.createdAt, takenAt: now, details: [], messages: [], messageCount: 0, truncated: false };
}

async function takeBoardParts(owner: Owner, project: ProjectDoc, includeChat: boolean, now: Date): Promise<BoardParts> {
  const conversation = await findConversation(owner, project.conversationId.toHexString());
  const chat = await chatSnapshot(owner, project, conversation, now);
  // The index reads columns in key order (doing, done, todo); the board shows to do, doing, done.
  const tasks = (await listProjectTasks(owner, project._id)).sort((a, b) => TASK_STATUSES.indexOf(a.status) - TASK_STATUSES.indexOf(b.status));
  const board: BoardSnapshot = {
    name: project.name,
    description: project.description,
    status: project.status,
    tasks: tasks.map((task) => ({ title: task.title, status: task.status, priority: task.priority, dueDate: task.dueDate ?? null })),
  };
  const snapshot = includeChat ? chat : { ...chat, messages: [], messageCount: 0, truncated: false };
  return { board, snapshot, includeChat };
}

export async function createBoardShare(owner: Owner, projectId: string, raw: unknown): Promise<ShareLink> {
  const options: BoardShareOptions = parseShareInput(boardShareOptionsSchema, raw);
  const project = await requireProject(owner, projectId);
  await checkShareLimit(owner);
  const now = new Date();
  const doc: ShareLinkDoc = {
    ...newLinkFields(owner, options, now),
    kind: "board",
    conversationId: project.conversationId,
    projectId: project._id,
    upToMessageId: null,
    visibleFields: [],
    ...(await takeBoardParts(owner, project, options.includeChat, now)),
  };
  await insertShareLink(doc);
  return toShareLink(doc);
}

/** Update link for a board: the board (and chat, if chosen) as they are now, under the same token. */
export async function updateBoardShare(owner: Owner, link: ShareLinkInfo, raw: unknown): Promise<ShareLink> {
  const options: BoardShareOptions = parseShareInput(boardShareOptionsSchema, raw);
  const project = await requireProject(owner, link.projectId?.toHexString());
  const now = new Date();
  return applyUpdate(owner, link._id, options, await takeBoardParts(owner, project, options.includeChat, now), now);
}

/** The board's Share dialog opens with its live link, if any. */
export async function boardShareOf(owner: Owner, projectId: string): Promise<ShareLink | null> {
  const project = await requireProject(owner, projectId);
  const link = await findLatestBoardShareLink(owner, project._id);
  return link ? toShareLink(link) : null;
}

export function toSharedBoard(doc: Pick<ShareLinkDoc, "board" | "snapshot" | "displayName" | "includeChat">): SharedBoard {
  const board = doc.board!;
  return {
    name: board.name,
    description: board.description,
    status: board.status,
    sharedAt: doc.snapshot.takenAt.toISOString(),
    displayName: doc.displayName.trim() || null,
    tasks: board.tasks.map((task) => ({ title: task.title, status: task.status, priority: task.priority, dueDate: task.dueDate })),
    chat: doc.includeChat ? toSharedView(doc) : null,
  };
}

/** A visitor's view of a board token, counted as a view; null for malformed, unknown, revoked, expired or a conversation's token alike. */
export async function openSharedBoard(token: string): Promise<SharedBoard | null> {
  if (!SHARE_TOKEN_PATTERN.test(token)) return null;
  const link = await visitShareLink(hashShareToken(token), new Date(), "board");
  return link?.board ? toSharedBoard(link) : null;
}
