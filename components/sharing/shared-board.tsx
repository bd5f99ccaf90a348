import { Badge } from "@/components/ui/badge";
import { COLUMNS } from "@/components/projects/board-state";
import { SharedConversation } from "@/components/sharing/shared-conversation";
import { formatDueDate } from "@/lib/shared/projects/due-dates";
import type { SharedBoard as SharedBoardView } from "@/lib/shared/sharing/board";

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString("en", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
}

/**
 * A project board shared read-only: the name and description, the tasks grouped by status (one
 * list on a phone, three columns wider), and the chat only when the owner chose to share it.
 */
export function SharedBoard({ view }: { view: SharedBoardView }) {
  return (
    <article className="grid gap-6" data-testid="shared-board">
      <header className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight break-words">{view.name}</h1>
        <p className="text-sm text-muted-foreground">
          Project board · {view.status === "active" ? "active" : view.status} · shared {formatDate(view.sharedAt)}
          {view.displayName ? ` by ${view.displayName}` : ""}
        </p>
        {view.description && <p className="text-sm break-words whitespace-pre-wrap">{view.description}</p>}
      </header>
      <div className="grid gap-4 md:grid-cols-3 print:grid-cols-3">
        {COLUMNS.map((column) => {
          const tasks = view.tasks.filter((task) => task.status === column.status);
          return (
            <section key={column.status} aria-labelledby={`shared-column-${column.status}`} className="grid content-start gap-2 rounded-xl border bg-card p-3">
              <h2 id={`shared-column-${column.status}`} className="text-sm font-semibold">
                {column.title} <span className="font-normal text-muted-foreground">({tasks.length})</span>
              </h2>
              {tasks.length === 0 ? (
                <p className="text-sm text-muted-foreground">No tasks.</p>
              ) : (
                <ul className="grid gap-2" aria-label={`${column.title} tasks`}>
                  {tasks.map((task, index) => (
                    <li key={index} className="grid gap-1 rounded-lg border bg-background p-2 text-sm print:break-inside-avoid" data-testid="shared-task">
                      <span className="break-words">{task.title}</span>
                      <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                        <Badge variant="outline">{task.priority} priority</Badge>
                        {task.dueDate && <time dateTime={task.dueDate}>Due {formatDueDate(task.dueDate)}</time>}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      {view.chat && (
        <section aria-labelledby="shared-board-chat" className="grid gap-3">
          <h2 id="shared-board-chat" className="text-lg font-semibold">The project&apos;s chat</h2>
          <SharedConversation view={view.chat} heading="h3" />
        </section>
      )}
    </article>
  );
}
