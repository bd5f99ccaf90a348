/**
 * Importing conversations from other chat apps (POST /api/v1/imports): the formats we read, the
 * job a client polls, and the upload's form fields. The OpenAPI document and the Settings page
 * read these same schemas.
 */
import { z } from "zod";
import { ERROR_CODES } from "@/lib/shared/errors";

/** Decided from the file's contents, never from its name. */
export const IMPORT_FORMATS = ["chatgpt", "claude", "chatcraft"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  chatgpt: "ChatGPT",
  claude: "Claude",
  chatcraft: "ChatCraft export",
};

export const IMPORT_STATUSES = ["queued", "running", "done", "failed"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** The role imported conversations get unless the user picks another. */
export const DEFAULT_IMPORT_ROLE_ID = "chatcraft-guide";

/** How many per-conversation failures a job keeps (the count goes on past it). */
export const MAX_IMPORT_FAILURES_KEPT = 20;

export const importFailureSchema = z.object({
  index: z.number().int().meta({ description: "The conversation's position in the file, from 0." }),
  title: z.string().nullable(),
  reason: z.string(),
});

export const importJobSchema = z
  .object({
    id: z.string(),
    status: z.enum(IMPORT_STATUSES),
    format: z.enum(IMPORT_FORMATS).nullable().meta({ description: "Null until the first conversation has been read." }),
    fileName: z.string(),
    roleId: z.string(),
    counts: z.object({
      imported: z.number().int(),
      skipped: z.number().int().meta({ description: "Already imported from this file earlier (never duplicated)." }),
      failed: z.number().int(),
    }),
    failures: z.array(importFailureSchema).meta({ description: `The first ${MAX_IMPORT_FAILURES_KEPT} conversations that could not be imported, with why.` }),
    bytesRead: z.number().int(),
    bytesTotal: z.number().int(),
    error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).nullable().meta({ description: "Why the whole import stopped (status failed)." }),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: "ImportJob" });
export type ImportJobDTO = z.infer<typeof importJobSchema>;

export const importJobResponseSchema = z.object({ job: importJobSchema });

/** The text fields of the multipart upload (the file goes in the `file` part). */
export const importFieldsSchema = z.object({
  roleId: z.string().trim().min(1, "Pick a role.").max(100, "Pick a role.").default(DEFAULT_IMPORT_ROLE_ID),
});

export function isFinished(status: ImportStatus): boolean {
  return status === "done" || status === "failed";
}
