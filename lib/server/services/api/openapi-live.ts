/** The live event streams in the OpenAPI document: their events are described from lib/shared/live/events.ts. */
import "server-only";
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { json, op, problem } from "@/lib/server/services/api/openapi-parts";
import { objectIdSchema } from "@/lib/shared/api/common";
import { liveEventSchemas } from "@/lib/shared/live/events";
import { stopResultSchema } from "@/lib/shared/live/stop";

const LIVE_DESCRIPTION = [
  "Server-sent events (`text/event-stream`). Each event's `event:` is its type, `data:` its JSON, `id:` an opaque position.",
  "Reconnect with `Last-Event-ID` (or `?lastEventId=`) to receive what was missed; when that position is no longer known",
  "the stream sends `reset` first — re-read the state you show. A comment line every 15 s keeps idle proxies from closing it.",
  "A reply streams as `chunk` events (`seq` 1, 2, 3 … per reply; `Message.seq` says where a listed streaming reply's text ends), then a `message` event with its final state.",
  "Event types: " + Object.keys(liveEventSchemas).map((type) => `\`${type}\``).join(", ") + ".",
].join(" ");

const liveEventSchema = z
  .union(Object.entries(liveEventSchemas).map(([type, data]) => z.object({ event: z.literal(type), data })) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]])
  .meta({ id: "LiveEvent", description: "One event as `{ event, data }` (sent as the SSE fields `event:` and `data:`)." });

const lastEventIdHeader = z.object({ "last-event-id": z.string().max(2_000).optional().meta({ description: "The `id:` of the last event received." }) });

function liveResponses(what: string) {
  return {
    "200": { description: what, content: { "text/event-stream": { schema: liveEventSchema.meta({ description: LIVE_DESCRIPTION }) } } },
    "429": problem("Too many live connections are open for this account (or too many requests for this token)."),
    "503": problem("The database cannot stream changes right now (it must be a replica set)."),
  };
}

export function livePaths(): ZodOpenApiPathsObject {
  return {
    "/api/v1/me/events": {
      get: op("Follow all my changes live", ["Live"], {
        description: LIVE_DESCRIPTION,
        requestParams: { header: lastEventIdHeader },
        responses: liveResponses("Every conversation's messages and replies, the conversation list, projects and boards."),
      }),
    },
    "/api/v1/conversations/{conversationId}/events": {
      get: op("Follow a conversation live", ["Live", "Conversations"], {
        description: LIVE_DESCRIPTION,
        requestParams: { path: z.object({ conversationId: objectIdSchema }), header: lastEventIdHeader },
        responses: liveResponses("The conversation's messages, its streaming replies, its title; and its deletion."),
      }),
    },
    "/api/v1/conversations/{conversationId}/stop": {
      post: op("Stop the reply streaming in a conversation", ["Live", "Conversations"], {
        description:
          "Stops every reply streaming in the conversation, on whichever app instance streams it, within about a second; the text written so far is kept and the reply is saved as `stopped` (it then arrives on the event streams as a `message` event). Needs a read-write token. Idempotent: asking again while the reply still streams answers 202 again; once nothing streams, 200 with `state: \"idle\"`.",
        requestParams: { path: z.object({ conversationId: objectIdSchema }) },
        responses: {
          "202": json(stopResultSchema, "The replies named are being stopped."),
          "200": json(stopResultSchema, "No reply was streaming in this conversation (`state: \"idle\"`, no ids)."),
        },
      }),
    },
  };
}
