/**
 * GET /api/v1/imports/{id}/events: the job's progress as server-sent events — one `progress`
 * event whenever the job has moved (checked every POLL_MS by one indexed read of the caller's
 * job), and the stream ends after the event that shows it finished. Pull-driven: nothing is read
 * while the client has not taken the previous event, and a client that goes away stops the reads.
 */
import "server-only";
import type { ApiCaller } from "@/lib/server/services/api/authenticate";
import { requireImportJob, toImportJobDTO } from "@/lib/server/services/import/import-service";
import { isFinished } from "@/lib/shared/import/schemas";

const POLL_MS = 500;

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

export async function importEventsResponse(request: Request, caller: ApiCaller, id: string): Promise<Response> {
  // Another user's id (or none) is 404 before the stream opens.
  let job = await requireImportJob(caller.owner, id);
  let sent: number | null = null;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (sent === job.updatedAt.getTime() && !request.signal.aborted) {
        await pause(POLL_MS, request.signal);
        job = await requireImportJob(caller.owner, id).catch(() => job);
      }
      if (request.signal.aborted) return controller.close();
      sent = job.updatedAt.getTime();
      controller.enqueue(encoder.encode(`event: progress\ndata: ${JSON.stringify({ job: toImportJobDTO(job) })}\n\n`));
      if (isFinished(job.status)) controller.close();
    },
  });
  return new Response(body, {
    status: 200,
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store, no-transform", "x-accel-buffering": "no" },
  });
}
