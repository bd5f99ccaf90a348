/** Stored documents → the JSON-safe DTOs the pages and the stream receive (lib/shared/chat/types.ts). */
import { isErrorCode } from "@/lib/shared/errors";
import "server-only";
import type { ConversationDTO, ConversationSummary, MessageDTO, ProposalDTO, RoleDTO, RoleSummary } from "@/lib/shared/chat/types";
import type { Role } from "@/lib/shared/roles/role-schema";
import type { ConversationDoc } from "@/models/conversations";
import type { MessageDoc, StoredProposal } from "@/models/messages";
import { toMessageAttachment } from "@/lib/server/services/attachments/attachment-service";

export function toProposalDTO(proposal: StoredProposal): ProposalDTO {
  if (proposal.kind === "details") {
    const { decidedAt: _decidedAt, ...rest } = proposal;
    return rest;
  }
  if (proposal.kind === "plan") {
    return { kind: "plan", plan: proposal.plan, state: proposal.state, ...(proposal.projectId ? { projectId: proposal.projectId.toHexString() } : {}) };
  }
  return { kind: "changes", changes: proposal.changes, state: proposal.state, ...(proposal.taskTitles ? { taskTitles: proposal.taskTitles } : {}) };
}

export function toMessageDTO(doc: MessageDoc): MessageDTO {
  return {
    id: doc._id.toHexString(),
    sender: doc.sender,
    kind: doc.kind ?? "message",
    message: doc.message,
    timestamp: doc.timestamp.toISOString(),
    status: doc.status,
    // A stored code is data: one this version does not know reads as "unknown".
    ...(doc.errorCode ? { errorCode: isErrorCode(doc.errorCode) ? doc.errorCode : "unknown" } : {}),
    ...(doc.usage ? { usage: doc.usage } : {}),
    ...(doc.model ? { model: doc.model } : {}),
    ...(doc.proposal ? { proposal: toProposalDTO(doc.proposal) } : {}),
    ...(doc.attachments?.length ? { attachments: doc.attachments.map(toMessageAttachment) } : {}),
  };
}

export function toConversationSummary(doc: Pick<ConversationDoc, "_id" | "title" | "roleId" | "roleName" | "lastMessageAt">): ConversationSummary {
  return {
    id: doc._id.toHexString(),
    title: doc.title,
    roleId: doc.roleId,
    roleName: doc.roleName,
    lastMessageAt: doc.lastMessageAt.toISOString(),
  };
}

export function toConversationDTO(doc: ConversationDoc): ConversationDTO {
  return {
    id: doc._id.toHexString(),
    title: doc.title,
    roleId: doc.roleId,
    roleName: doc.roleName,
    roleIcon: doc.roleIcon,
    fields: doc.fields,
    details: doc.details,
    createdAt: doc.createdAt.toISOString(),
    mode: doc.mode ?? "chat",
    ...(doc.projectId ? { projectId: doc.projectId.toHexString() } : {}),
  };
}

export function toRoleDTO(role: Role, isCustom: boolean): RoleDTO {
  return { ...role, isCustom };
}

export function toRoleSummary(role: Role, isCustom: boolean): RoleSummary {
  return { id: role.id, name: role.name, description: role.description, category: role.category, icon: role.icon, isCustom };
}
