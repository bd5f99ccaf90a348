/**
 * GET /api/v1/me/events — everything of the caller's live, as server-sent events (the app's own
 * pages follow this stream too: the sidebar, the dashboard, the boards). Resumes after `Last-Event-ID`.
 */
import { apiRoute } from "@/lib/server/services/api/route";
import { userEventsResponse } from "@/lib/server/services/live/live-response";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, { owner }) => userEventsResponse(owner, request));
