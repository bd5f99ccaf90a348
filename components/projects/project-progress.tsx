import type { TaskCountsDTO } from "@/lib/shared/projects/types";
import { cn } from "@/components/ui/cn";

export function progressOf(counts: TaskCountsDTO): { done: number; total: number; percent: number } {
  const total = counts.todo + counts.doing + counts.done;
  return { done: counts.done, total, percent: total === 0 ? 0 : Math.round((counts.done / total) * 100) };
}

/** "3 of 8 done" with a bar; a real progressbar for screen readers. */
export function ProjectProgress({ counts, label, className }: { counts: TaskCountsDTO; label: string; className?: string }) {
  const { done, total, percent } = progressOf(counts);
  return (
    <div className={cn("grid gap-1", className)}>
      <div className="flex justify-between text-xs text-muted-foreground">
        <span data-testid="progress-text">
          {done} of {total} done
        </span>
        <span>{percent}%</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full rounded-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
