/**
 * The floor for "time added by the app": a bare Next.js route handler that forwards the request
 * to the fake Gemini and streams its answer back untouched — no auth, database or rendering.
 */
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const upstream = await fetch(`${process.env.FAKE_GEMINI_URL}/v1beta/models/floor:streamGenerateContent?alt=sse`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: await request.text(),
  });
  return new Response(upstream.body, { status: upstream.status, headers: { "content-type": "text/event-stream" } });
}
