/**
 * "Download my data": the export format `chatcraft-export` version 1 (docs/api.md), streamed
 * with backpressure — the next document is read only when the client has taken the previous one,
 * so memory stays flat however much the user owns. Ids are hex strings, dates ISO 8601.
 *
 * json:   { format, version, exportedAt, user, roles: [], briefs: [], conversations: [], messages: [],
 *           projects: [], tasks: [], apiTokens: [], attachments: [], counts }
 * ndjson: {"type":"header",format,version,exportedAt} {"type":"user","data"} then one
 *         {"type":"<section singular>","data"} per document, and {"type":"end","counts"} last.
 */
import "server-only";
import type { Document, ObjectId } from "mongodb";
import { EXPORT_FORMAT, EXPORT_VERSION } from "@/lib/shared/api/export";
import { EXPORT_SECTIONS, readExportProfile, readExportSection, type ExportSection } from "@/lib/server/services/account/export-user-data";
import { AppError } from "@/lib/shared/errors";

export type ExportFormatKind = "json" | "ndjson";
export type ExportCounts = Record<ExportSection, number>;

const RECORD_TYPE: Record<ExportSection, string> = {
  roles: "role",
  briefs: "brief",
  conversations: "conversation",
  messages: "message",
  projects: "project",
  tasks: "task",
  apiTokens: "apiToken",
  attachments: "attachment",
};

export async function* jsonPieces(owner: ObjectId, profile: Document, exportedAt: string): AsyncGenerator<string> {
  const counts = {} as ExportCounts;
  yield `{"format":"${EXPORT_FORMAT}","version":${EXPORT_VERSION},"exportedAt":"${exportedAt}","user":${JSON.stringify(profile)}`;
  for (const section of EXPORT_SECTIONS) {
    counts[section] = 0;
    yield `,"${section}":[`;
    for await (const doc of readExportSection(owner, section)) {
      yield `${counts[section] === 0 ? "" : ","}${JSON.stringify(doc)}`;
      counts[section] += 1;
    }
    yield "]";
  }
  yield `,"counts":${JSON.stringify(counts)}}\n`;
}

async function* ndjsonPieces(owner: ObjectId, profile: Document, exportedAt: string): AsyncGenerator<string> {
  const counts = {} as ExportCounts;
  yield `${JSON.stringify({ type: "header", format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt })}\n`;
  yield `${JSON.stringify({ type: "user", data: profile })}\n`;
  for (const section of EXPORT_SECTIONS) {
    counts[section] = 0;
    for await (const doc of readExportSection(owner, section)) {
      yield `${JSON.stringify({ type: RECORD_TYPE[section], data: doc })}\n`;
      counts[section] += 1;
    }
  }
  yield `${JSON.stringify({ type: "end", counts })}\n`;
}

/** A pull-driven byte stream over the pieces: nothing is read ahead of what the client consumes. */
export function pullStream(pieces: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
}

export async function exportResponse(owner: ObjectId, format: ExportFormatKind, now: Date = new Date()): Promise<Response> {
  const profile = await readExportProfile(owner);
  if (!profile) throw new AppError("not_found:user");
  const exportedAt = now.toISOString();
  const pieces = format === "json" ? jsonPieces(owner, profile, exportedAt) : ndjsonPieces(owner, profile, exportedAt);
  const day = exportedAt.slice(0, 10);
  return new Response(pullStream(pieces), {
    status: 200,
    headers: {
      "content-type": format === "json" ? "application/json; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="chatcraft-export-${day}.${format === "json" ? "json" : "ndjson"}"`,
      "cache-control": "no-store",
    },
  });
}
