import { RoleIcon } from "@/components/roles/role-icon";
import { Markdown } from "@/components/chat/markdown";
import type { SharedView } from "@/lib/shared/sharing/dto";

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString("en", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
}

/**
 * A shared conversation, read-only: the public page and the Share dialog's preview render this
 * same component from the same SharedView, so the preview is exactly what a visitor sees.
 * Replies go through the chat's Markdown (no raw HTML, safe links), as in the chat.
 */
export function SharedConversation({ view, heading: Heading = "h1" }: { view: SharedView; heading?: "h1" | "h3" }) {
  return (
    <article className="grid gap-4" data-testid="shared-conversation">
      <header className="flex items-center gap-3">
        <RoleIcon name={view.roleIcon} />
        <div className="grid min-w-0 gap-0.5">
          <Heading className="text-lg font-semibold tracking-tight break-words">{view.title}</Heading>
          <p className="text-sm text-muted-foreground">
            {view.roleName} · shared {formatDate(view.sharedAt)}
            {view.displayName ? ` by ${view.displayName}` : ""}
          </p>
        </div>
      </header>
      {view.details.length > 0 && (
        <dl className="grid gap-1 rounded-xl border bg-card p-3 text-sm sm:grid-cols-[12rem_1fr]" aria-label="Details shared with this conversation">
          {view.details.map((line) => (
            <div key={line.label} className="contents">
              <dt className="text-muted-foreground">{line.label}</dt>
              <dd className="break-words">{line.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {view.truncated && <p className="text-sm text-muted-foreground">Earlier messages are not included.</p>}
      {view.messages.length === 0 ? (
        <p className="text-sm text-muted-foreground">No messages are shared.</p>
      ) : (
        <ol className="grid gap-4" aria-label="Messages">
          {view.messages.map((message) =>
            message.sender === "user" ? (
              <li key={message.id} className="flex justify-end print:break-inside-avoid" data-testid="shared-user-message">
                <div className="max-w-[85%] rounded-2xl rounded-br-sm bg-primary px-4 py-2 text-sm whitespace-pre-wrap break-words text-primary-foreground print:max-w-full print:border print:bg-transparent print:text-foreground">
                  <span className="sr-only print:not-sr-only print:font-semibold">User: </span>
                  {message.message}
                </div>
              </li>
            ) : (
              <li key={message.id} className="flex print:break-inside-avoid" data-testid="shared-ai-message">
                <div className="w-full max-w-full rounded-2xl rounded-bl-sm border bg-card px-4 py-3 sm:max-w-[85%] print:max-w-full">
                  <span className="sr-only print:not-sr-only print:font-semibold">AI: </span>
                  <Markdown text={message.message} />
                </div>
              </li>
            ),
          )}
        </ol>
      )}
    </article>
  );
}
