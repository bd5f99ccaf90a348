/**
 * What the benchmark does over HTTP, as a browser or API client would: sign in through
 * next-auth, time the first token of a streamed reply (through the app, the bare floor route,
 * or straight to the fake Gemini), fetch a page, and weigh the JavaScript a page loads.
 */
export interface Session {
  base: string;
  cookie: string;
}

/** name=value pairs a browser would keep: a cookie set twice (proxy and route both do) keeps the last. */
function cookiesOf(response: Response): string[] {
  const jar = new Map<string, string>();
  for (const cookie of response.headers.getSetCookie()) {
    const pair = cookie.split(";")[0]!;
    jar.set(pair.slice(0, pair.indexOf("=")), pair);
  }
  return [...jar.values()];
}

/** Signs in with next-auth's credentials callback and returns the session cookie. */
export async function signIn(base: string, identifier: string, password: string): Promise<Session> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: base },
    body: new URLSearchParams({ csrfToken, identifier, password, callbackUrl: `${base}/dashboard` }),
  });
  const session = cookiesOf(response).find((cookie) => cookie.includes("session-token="));
  if (!session) throw new Error(`sign-in failed: ${response.status} ${response.headers.get("location")}`);
  return { base, cookie: [...jar, session].join("; ") };
}

export interface Timed {
  /** Milliseconds from sending the request to the first token's bytes. */
  ttftMs: number;
  /** The whole response was read and ended as expected. */
  completed: boolean;
}

/** Reads a streamed body; `isToken` says whether the text so far holds the first token. */
async function timeFirstToken(start: number, response: Response, isToken: (text: string) => boolean, isDone: (text: string) => boolean): Promise<Timed> {
  if (!response.ok || !response.body) throw new Error(`stream refused: ${response.status} ${await response.text()}`);
  const decoder = new TextDecoder();
  let text = "";
  let ttftMs = -1;
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    text += decoder.decode(read.value, { stream: true });
    if (ttftMs < 0 && isToken(text)) ttftMs = performance.now() - start;
  }
  return { ttftMs, completed: ttftMs >= 0 && isDone(text) };
}

/** A reply through the app's real route: session, rate limit, database, model call, NDJSON. */
export async function appReply(session: Session, conversationId: string, text: string): Promise<Timed> {
  const start = performance.now();
  const response = await fetch(`${session.base}/api/chat/${conversationId}/reply`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: session.cookie, origin: session.base },
    body: JSON.stringify({ mode: "send", text }),
  });
  return timeFirstToken(start, response, (body) => body.includes('"type":"text"'), (body) => body.includes('"type":"done"'));
}

function geminiBody(text: string): string {
  return JSON.stringify({ contents: [{ role: "user", parts: [{ text }] }], generationConfig: { temperature: 0.3 } });
}

const sseToken = (body: string) => body.includes('"text"');
const sseDone = (body: string) => body.includes('"finishReason"');

/** The same model call sent straight to the fake Gemini: the network and model floor. */
export async function directReply(geminiBase: string, text: string): Promise<Timed> {
  const start = performance.now();
  const response = await fetch(`${geminiBase}/v1beta/models/bench:streamGenerateContent?alt=sse`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-goog-api-key": "bench" },
    body: geminiBody(text),
  });
  return timeFirstToken(start, response, sseToken, sseDone);
}

/** Through a bare Next.js route handler that only forwards: Next.js's own floor. */
export async function floorReply(floorBase: string, text: string, path = "/api/floor"): Promise<Timed> {
  const start = performance.now();
  const response = await fetch(`${floorBase}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: geminiBody(text) });
  return timeFirstToken(start, response, sseToken, sseDone);
}

/** GETs a page as the signed-in user: milliseconds to the last byte and the decoded HTML. */
export async function getPage(session: Session, path: string): Promise<{ ms: number; html: string }> {
  const start = performance.now();
  const response = await fetch(`${session.base}${path}`, { headers: { cookie: session.cookie }, redirect: "manual" });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
  return { ms: performance.now() - start, html };
}

/** Decoded bytes of every JavaScript chunk the page's HTML names (script tags and the RSC payload). */
export async function pageScriptBytes(session: Session, html: string): Promise<number> {
  const chunks = new Set(html.match(/static\/chunks\/[^"'\\\s]+?\.js/g) ?? []);
  let total = 0;
  for (const chunk of chunks) {
    const response = await fetch(`${session.base}/_next/${chunk}`);
    total += (await response.arrayBuffer()).byteLength;
  }
  return total;
}
