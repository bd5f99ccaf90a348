/** OpenAPI operations of projects and tasks (/api/v1/projects/**). */
import "server-only";
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { creating, json, op, problem } from "@/lib/server/services/api/openapi-parts";
import { objectIdSchema, pageQuerySchema, pageSchema } from "@/lib/shared/api/common";
import {
  createProjectSchema,
  deleteProjectQuerySchema,
  newTaskBodySchema,
  projectListQuerySchema,
  projectSchema,
  taskMoveBodySchema,
  taskPatchBodySchema,
  taskSchema,
  updateProjectSchema,
} from "@/lib/shared/api/projects";

const tags = ["Projects"];
const project = { path: z.object({ projectId: objectIdSchema }) };
const task = { path: z.object({ projectId: objectIdSchema, taskId: objectIdSchema }) };
const deleted = { "204": { description: "Deleted." } };
const body = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

export function projectPaths(): ZodOpenApiPathsObject {
  return {
    "/api/v1/projects": {
      get: op("List projects", tags, {
        requestParams: { query: pageQuerySchema.extend(projectListQuerySchema.shape) },
        responses: { "200": json(pageSchema(projectSchema, "ProjectPage")) },
      }),
      post: creating("Create a project from a plan (name, description, tasks)", tags, createProjectSchema, projectSchema, {
        extra: { "409": problem("Project limit reached, or an Idempotency-Key still running.") },
      }),
    },
    "/api/v1/projects/{projectId}": {
      get: op("Get a project", tags, { requestParams: project, responses: { "200": json(projectSchema) } }),
      patch: op("Rename, describe, or set the status of a project", tags, {
        requestParams: project,
        requestBody: body(updateProjectSchema),
        responses: { "200": json(projectSchema) },
      }),
      delete: op("Delete a project and its tasks", tags, { requestParams: { ...project, query: deleteProjectQuerySchema }, responses: deleted }),
    },
    "/api/v1/projects/{projectId}/tasks": {
      get: op("List a project's tasks in board order", tags, {
        requestParams: { ...project, query: pageQuerySchema },
        responses: { "200": json(pageSchema(taskSchema, "TaskPage")) },
      }),
      post: creating("Add a task", tags, newTaskBodySchema, taskSchema, { path: project.path }),
    },
    "/api/v1/projects/{projectId}/tasks/{taskId}": {
      get: op("Get a task", tags, { requestParams: task, responses: { "200": json(taskSchema) } }),
      patch: op("Edit a task (a status change moves it to the end of its new column)", tags, {
        requestParams: task,
        requestBody: body(taskPatchBodySchema),
        responses: { "200": json(taskSchema) },
      }),
      delete: op("Delete a task", tags, { requestParams: task, responses: deleted }),
    },
    "/api/v1/projects/{projectId}/tasks/{taskId}/move": {
      post: op("Move or reorder a task", tags, { requestParams: task, requestBody: body(taskMoveBodySchema), responses: { "200": json(taskSchema) } }),
    },
  };
}
