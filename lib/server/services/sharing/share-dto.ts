/** Stored share links → the DTOs the owner (ShareLink) and a visitor (SharedView) receive. */
import "server-only";
import type { ShareLink, SharedView } from "@/lib/shared/sharing/dto";
import type { ShareLinkDoc, ShareLinkInfo } from "@/models/share-links";

export function toShareLink(doc: ShareLinkInfo | ShareLinkDoc): ShareLink {
  return {
    id: doc._id.toHexString(),
    kind: doc.kind ?? "conversation",
    token: doc.token,
    conversationId: doc.conversationId.toHexString(),
    projectId: doc.projectId?.toHexString() ?? null,
    includeChat: doc.includeChat ?? false,
    title: doc.board?.name ?? doc.snapshot.title,
    upToMessageId: doc.upToMessageId?.toHexString() ?? null,
    visibleFields: doc.visibleFields,
    displayName: doc.displayName,
    expiresIn: doc.expiresIn,
    messageCount: doc.snapshot.messageCount,
    views: doc.views,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    expiresAt: doc.expiresAt?.toISOString() ?? null,
    revokedAt: doc.revokedAt?.toISOString() ?? null,
  };
}

/** Only the snapshot and the chosen display name: nothing else of the owner or the conversation. */
export function toSharedView(doc: Pick<ShareLinkDoc, "snapshot" | "displayName">): SharedView {
  const { snapshot } = doc;
  return {
    title: snapshot.title,
    roleName: snapshot.roleName,
    roleIcon: snapshot.roleIcon,
    startedAt: snapshot.startedAt.toISOString(),
    sharedAt: snapshot.takenAt.toISOString(),
    displayName: doc.displayName.trim() || null,
    details: snapshot.details,
    messages: snapshot.messages.map((message) => ({ id: message.id, sender: message.sender, message: message.message, timestamp: message.timestamp.toISOString() })),
    truncated: snapshot.truncated,
  };
}
