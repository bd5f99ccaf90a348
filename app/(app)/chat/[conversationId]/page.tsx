import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { ChatView } from "@/components/chat/chat-view";
import { requireUser } from "@/lib/server/services/auth/session";
import { chatModelInfo, getConversationView } from "@/lib/server/services/chat/queries";

interface ChatPageProps {
  params: Promise<{ conversationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: ChatPageProps): Promise<Metadata> {
  const { conversationId } = await params;
  const user = await requireUser();
  const view = await getConversationView(user, conversationId);
  return { title: view?.conversation.title ?? "Conversation not found" };
}

export default async function ChatPage({ params, searchParams }: ChatPageProps) {
  const [{ conversationId }, query] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/chat/${conversationId}`);
  // ?m=<message id>: a search result opens the conversation at that message.
  const focus = typeof query.m === "string" ? query.m : undefined;
  const view = await getConversationView(user, conversationId, focus);
  if (!view) notFound();
  const starter = typeof query.starter === "string" && query.starter.trim() ? query.starter : undefined;

  return (
    <ChatView
      key={view.conversation.id}
      conversation={view.conversation}
      initialMessages={view.messages}
      hasOlder={view.hasOlder}
      hasNewer={view.hasNewer}
      focusId={view.focusId}
      model={chatModelInfo()}
      starter={starter}
    />
  );
}
