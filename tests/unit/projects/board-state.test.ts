import { describe, expect, it } from "vitest";
import { moveWithin, neighboursOf, removeTask, toColumns, upsertTask } from "@/components/projects/board-state";
import type { TaskDTO } from "@/lib/shared/projects/types";

function task(id: string, status: TaskDTO["status"]): TaskDTO {
  return { id, projectId: "p", title: id, notes: "", status, priority: "medium", dueDate: null, completedAt: null };
}

const ids = (list: TaskDTO[]) => list.map((item) => item.id);

describe("board state", () => {
  const columns = toColumns([task("a", "todo"), task("b", "todo"), task("c", "todo"), task("d", "doing")]);

  it("reorders within a column like the drop showed it", () => {
    expect(ids(moveWithin(columns, "a", "todo", 2).todo)).toEqual(["b", "c", "a"]);
    expect(ids(moveWithin(columns, "c", "todo", 0).todo)).toEqual(["c", "a", "b"]);
  });

  it("moves across columns, changing the task's status, and clamps the index", () => {
    const next = moveWithin(columns, "b", "done", 99);
    expect(ids(next.todo)).toEqual(["a", "c"]);
    expect(next.done).toEqual([{ ...task("b", "done") }]);
  });

  it("names the neighbours the server places the task between", () => {
    expect(neighboursOf(["a", "b", "c"], "b")).toEqual({ beforeId: "a", afterId: "c" });
    expect(neighboursOf(["a", "b", "c"], "a")).toEqual({ beforeId: null, afterId: "b" });
    expect(neighboursOf(["b"], "b")).toEqual({ beforeId: null, afterId: null });
  });

  it("puts an edited task in place, or at the end of its new column", () => {
    expect(ids(upsertTask(columns, { ...task("b", "todo"), title: "B" }).todo)).toEqual(["a", "b", "c"]);
    const moved = upsertTask(columns, task("a", "doing"));
    expect(ids(moved.doing)).toEqual(["d", "a"]);
    expect(ids(upsertTask(columns, task("new", "todo")).todo)).toEqual(["a", "b", "c", "new"]);
    expect(ids(removeTask(columns, "d").doing)).toEqual([]);
  });
});
