/** Building blocks of the OpenAPI operations: the shared refusals, JSON bodies, idempotent creates. */
import "server-only";
import { z } from "zod";
import type { ZodOpenApiOperationObject } from "zod-openapi";
import { problemSchema } from "@/lib/shared/api/common";

export type Responses = ZodOpenApiOperationObject["responses"];

export const problem = (description: string, schema: z.ZodType = problemSchema) => ({ description, content: { "application/problem+json": { schema } } });

/** The refusals every /api/v1 operation can give. */
export function commonProblems(schema: z.ZodType = problemSchema): Responses {
  return {
    "400": problem("Invalid input: the fields named in `errors`.", schema),
    "401": problem("Not signed in, or the token is invalid, expired or revoked.", schema),
    "403": problem("A read-only token used for a request that changes data.", schema),
    "404": problem("No such resource for this user (ids of other users' data are answered the same way).", schema),
    "413": problem("Body too large.", schema),
    "429": problem("Too many requests for this token (see Retry-After and RateLimit-* headers).", schema),
  };
}

export function json(schema: z.ZodType, description = "OK") {
  return { description, content: { "application/json": { schema } } };
}

export const idempotencyHeader = z
  .string()
  .max(255)
  .optional()
  .meta({ description: "Retries with the same key and body return the first answer and create nothing new; the same key with another body is 422." });

export function op(
  summary: string,
  tags: string[],
  operation: Partial<ZodOpenApiOperationObject> & { responses: Responses },
  problems: z.ZodType = problemSchema,
): ZodOpenApiOperationObject {
  const bodyProblems: Responses = operation.requestBody ? { "415": problem("The body is not Content-Type: application/json.", problems) } : {};
  return { summary, tags, ...operation, responses: { ...operation.responses, ...commonProblems(problems), ...bodyProblems } };
}

export interface CreatingOptions {
  /** More answers (e.g. a 409 for a limit). */
  extra?: Responses;
  /** The refusal schema (the brief's endpoints add `success: false`). */
  problems?: z.ZodType;
  /** Path parameters of the operation. */
  path?: z.ZodObject;
}

/** A POST that creates something: Idempotency-Key header, 201 with the created thing, 409/422 for keys. */
export function creating(summary: string, tags: string[], body: z.ZodType, created: z.ZodType, options: CreatingOptions = {}): ZodOpenApiOperationObject {
  const problems = options.problems ?? problemSchema;
  return op(
    summary,
    tags,
    {
      requestParams: { header: z.object({ "idempotency-key": idempotencyHeader }), ...(options.path ? { path: options.path } : {}) },
      requestBody: { content: { "application/json": { schema: body } } },
      responses: {
        "201": json(created, "Created"),
        "409": problem("A request with this Idempotency-Key is still running.", problems),
        "422": problem("This Idempotency-Key was used for a different request.", problems),
        ...options.extra,
      },
    },
    problems,
  );
}
