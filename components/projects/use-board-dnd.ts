"use client";

import { useRef } from "react";
import {
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";

import type { TaskStatus } from "@/lib/shared/projects/plan-schema";
import { COLUMNS, findStatus, moveWithin, type Columns } from "@/components/projects/board-state";

/** Where a drag is over: a column's empty space ("column:done") or a task card. */
function overTarget(columns: Columns, overId: UniqueIdentifier): { status: TaskStatus; index: number } | null {
  const id = String(overId);
  if (id.startsWith("column:")) {
    const status = id.slice("column:".length) as TaskStatus;
    return { status, index: columns[status].length };
  }
  const status = findStatus(columns, id);
  return status ? { status, index: columns[status].findIndex((task) => task.id === id) } : null;
}

export interface BoardDnd {
  sensors: ReturnType<typeof useSensors>;
  announcements: Announcements;
  onDragStart: () => void;
  onDragOver: (event: DragOverEvent) => void;
  onDragEnd: (event: DragEndEvent) => void;
  onDragCancel: () => void;
}

/**
 * dnd-kit wiring for a multi-column board: pointer and keyboard sensors (Space to pick up, arrow
 * keys to move across and between columns, Space to drop, Escape to cancel). Crossing into another
 * column moves the card in local state as the drag goes; the drop reports the final column and
 * place to `onMoved`, which saves it.
 */
export function useBoardDnd(
  columns: Columns,
  setColumns: (columns: Columns) => void,
  onMoved: (taskId: string, before: Columns, after: Columns) => void,
  titleOf: (id: UniqueIdentifier) => string,
): BoardDnd {
  const atStart = useRef<Columns | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const where = (id: UniqueIdentifier | undefined) => {
    const target = id === undefined ? null : overTarget(columns, id);
    const column = COLUMNS.find((item) => item.status === target?.status);
    return column ? `${column.title}, position ${(target?.index ?? 0) + 1}` : "no column";
  };

  return {
    sensors,
    announcements: {
      onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}.`,
      onDragOver: ({ active, over }) => `${titleOf(active.id)} is over ${where(over?.id)}.`,
      onDragEnd: ({ active, over }) => (over ? `${titleOf(active.id)} dropped in ${where(over.id)}.` : `${titleOf(active.id)} was not moved.`),
      onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled.`,
    },
    onDragStart: () => {
      atStart.current = columns;
    },
    onDragOver: ({ active, over }) => {
      if (!over) return;
      const from = findStatus(columns, String(active.id));
      const target = overTarget(columns, over.id);
      if (!from || !target || target.status === from) return;
      setColumns(moveWithin(columns, String(active.id), target.status, target.index));
    },
    onDragEnd: ({ active, over }) => {
      const before = atStart.current;
      atStart.current = null;
      if (!before) return;
      const target = over ? overTarget(columns, over.id) : null;
      if (!target) {
        setColumns(before);
        return;
      }
      const after = moveWithin(columns, String(active.id), target.status, target.index);
      setColumns(after);
      onMoved(String(active.id), before, after);
    },
    onDragCancel: () => {
      if (atStart.current) setColumns(atStart.current);
      atStart.current = null;
    },
  };
}
