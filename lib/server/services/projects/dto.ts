import "server-only";
import type { ProjectDTO, TaskDTO } from "@/lib/shared/projects/types";
import type { ProjectDoc } from "@/models/projects";
import type { TaskDoc } from "@/models/tasks";

export function toProjectDTO(doc: ProjectDoc): ProjectDTO {
  return {
    id: doc._id.toHexString(),
    name: doc.name,
    description: doc.description,
    status: doc.status,
    roleId: doc.roleId,
    conversationId: doc.conversationId.toHexString(),
    taskCounts: { todo: doc.taskCounts.todo, doing: doc.taskCounts.doing, done: doc.taskCounts.done },
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

export function toTaskDTO(doc: TaskDoc): TaskDTO {
  return {
    id: doc._id.toHexString(),
    projectId: doc.projectId.toHexString(),
    title: doc.title,
    notes: doc.notes ?? "",
    status: doc.status,
    priority: doc.priority,
    dueDate: doc.dueDate ?? null,
    completedAt: doc.completedAt?.toISOString() ?? null,
  };
}
