/**
 * A local stand-in for the Gemini API, so tests drive the real @google/genai SDK end to end.
 * It answers `POST /v1beta/models/{model}:streamGenerateContent?alt=sse` (SSE `data: {json}`
 * events) and `:generateContent`, from a per-test queue of scripted steps (errors, delays, cuts,
 * safety blocks), and records every request so tests can check what was sent and whether the
 * client hung up. Control endpoints (`POST /__script`, `GET /__requests`, `POST /__reset`) let
 * browser tests script it from outside the process.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  defaultStep,
  errorBody,
  finalChunk,
  lastUserText,
  promptBlockedChunk,
  roughTokens,
  safetyCandidateChunk,
  streamErrorChunk,
  textChunk,
  usageMetadata,
  type FakePart,
  type ScriptStep,
} from "./responses";

export type { ScriptStep } from "./responses";

export interface RecordedRequest {
  index: number;
  kind: "stream" | "generate";
  model: string;
  url: string;
  headers: Record<string, string>;
  /** The x-goog-api-key header the SDK sent. */
  apiKey: string | undefined;
  body: GenerateRequestBody;
  /** The system instruction's text, parts joined. */
  systemInstruction: string;
  /** The conversation turns sent, text parts joined. */
  contents: { role: string; text: string }[];
  /** The whole scripted response was written. */
  finished: boolean;
  /** The client closed the connection before the response was finished (e.g. Stop). */
  closedByClient: boolean;
}

interface GenerateRequestBody {
  contents?: { role?: string; parts?: { text?: string }[] }[];
  systemInstruction?: { parts?: { text?: string }[] };
  generationConfig?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface FakeGeminiOptions {
  port?: number;
  host?: string;
  /** When set, any other x-goog-api-key is answered with 400 API_KEY_INVALID. */
  apiKey?: string;
}

export interface FakeGemini {
  /** Pass as GEMINI_BASE_URL / httpOptions.baseUrl. */
  baseUrl: string;
  port: number;
  requests: RecordedRequest[];
  /** Queue responses for the next model calls, in order; when the queue is empty a default reply is sent. */
  script(steps: ScriptStep | ScriptStep[]): void;
  /** Empty the queue and the request log. */
  reset(): void;
  close(): Promise<void>;
}

const MODEL_PATH = /^\/v1(?:beta|alpha)?\/models\/([^/:]+):(streamGenerateContent|generateContent)$/;

function textOf(parts: { text?: string }[] | undefined): string {
  return (parts ?? []).map((part) => part.text ?? "").join("");
}

async function readBody(req: IncomingMessage): Promise<string> {
  const pieces: Buffer[] = [];
  for await (const piece of req) pieces.push(piece as Buffer);
  return Buffer.concat(pieces).toString("utf8");
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8", ...headers });
  res.end(JSON.stringify(body));
}

export async function startFakeGemini(options: FakeGeminiOptions = {}): Promise<FakeGemini> {
  let queue: ScriptStep[] = [];
  const requests: RecordedRequest[] = [];

  function takeStep(kind: "stream" | "generate", body: unknown): ScriptStep {
    const userText = lastUserText(body);
    const at = queue.findIndex(
      (step) => (!step.for || step.for === kind) && (step.whenLastUserIncludes === undefined || userText.includes(step.whenLastUserIncludes)),
    );
    if (at === -1) return defaultStep(kind, body);
    return queue.splice(at, 1)[0]!;
  }

  async function answer(req: IncomingMessage, res: ServerResponse, kind: "stream" | "generate", model: string): Promise<void> {
    const raw = await readBody(req);
    let body: GenerateRequestBody = {};
    try {
      body = JSON.parse(raw || "{}") as GenerateRequestBody;
    } catch {
      return sendJson(res, 400, errorBody({ status: 400, errorMessage: "Invalid JSON payload received." }).body);
    }
    const apiKey = req.headers["x-goog-api-key"] as string | undefined;
    const record: RecordedRequest = {
      index: requests.length,
      kind,
      model,
      url: req.url ?? "",
      headers: Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)])),
      apiKey,
      body,
      systemInstruction: textOf(body.systemInstruction?.parts),
      contents: (body.contents ?? []).map((content) => ({ role: content.role ?? "user", text: textOf(content.parts) })),
      finished: false,
      closedByClient: false,
    };
    requests.push(record);

    let cutByServer = false;
    res.on("close", () => {
      if (!res.writableFinished && !cutByServer) record.closedByClient = true;
    });
    const gone = () => record.closedByClient || res.destroyed;
    const closed = new Promise<void>((resolve) => res.once("close", resolve));
    const pause = async (ms: number | undefined) => {
      if (!ms) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), closed]);
      clearTimeout(timer);
    };
    const cut = () => {
      cutByServer = true;
      res.socket?.destroy();
    };
    const finish = () => {
      record.finished = true;
      res.end();
    };

    const step = options.apiKey && apiKey !== options.apiKey ? { invalidKey: true } : takeStep(kind, body);
    await pause(step.firstTokenDelayMs);
    if (gone()) return;

    if (step.status !== undefined || step.invalidKey) {
      const { status, body: errBody } = errorBody(step);
      record.finished = true;
      return sendJson(res, status, errBody, step.retryAfter !== undefined ? { "retry-after": String(step.retryAfter) } : {});
    }

    const chunks = step.chunks ?? [];
    const parts: FakePart[] = [...chunks.map((text) => ({ text })), ...(step.functionCall ? [{ functionCall: step.functionCall }] : [])];
    const promptTokens = step.usage?.promptTokens ?? roughTokens(record.systemInstruction + record.contents.map((c) => c.text).join(""));
    const usage = usageMetadata(promptTokens, step.usage?.outputTokens ?? roughTokens(chunks.join("")));
    const finishReason = step.finishReason ?? "STOP";

    if (kind === "generate") {
      if (step.cutAfterChunks !== undefined) return cut();
      record.finished = true;
      if (step.safetyBlock === "prompt") return sendJson(res, 200, promptBlockedChunk(usage));
      if (step.safetyBlock) return sendJson(res, 200, safetyCandidateChunk(usage));
      return sendJson(res, 200, finalChunk(chunks.join(""), finishReason, usage));
    }

    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const send = (event: unknown) => res.write(`data: ${JSON.stringify(event)}\n\n`);
    if (step.safetyBlock === "prompt") {
      send(promptBlockedChunk(usage));
      return finish();
    }
    // A cut stream never carries Gemini's finish reason, even on the last part it got out.
    const endsNormally = !step.safetyBlock && step.streamErrorStatus === undefined && step.cutAfterChunks === undefined;
    for (let i = 0; i < parts.length; i += 1) {
      if (step.cutAfterChunks !== undefined && i >= step.cutAfterChunks) return cut();
      const last = i === parts.length - 1;
      send(last && endsNormally ? finalChunk(parts[i]!, finishReason, usage) : textChunk(parts[i]!));
      if (!last) await pause(step.delayMs);
      if (gone()) return;
    }
    if (step.cutAfterChunks !== undefined) {
      // Let the parts already written reach the client before the connection drops.
      await pause(step.delayMs);
      return cut();
    }
    if (step.streamErrorStatus !== undefined) send(streamErrorChunk(step.streamErrorStatus));
    else if (step.safetyBlock) send(safetyCandidateChunk(usage));
    else if (parts.length === 0) send(finalChunk("", finishReason, usage));
    finish();
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (req.method === "POST" && path === "/__script") {
      const parsed = JSON.parse((await readBody(req)) || "[]") as ScriptStep | ScriptStep[];
      queue.push(...(Array.isArray(parsed) ? parsed : [parsed]));
      sendJson(res, 200, { queued: queue.length });
      return true;
    }
    if (req.method === "GET" && path === "/__requests") {
      sendJson(res, 200, requests);
      return true;
    }
    if (req.method === "POST" && path === "/__reset") {
      queue = [];
      requests.length = 0;
      sendJson(res, 200, { ok: true });
      return true;
    }
    return false;
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    const match = MODEL_PATH.exec(path);
    const handled = match && req.method === "POST" ? answer(req, res, match[2] === "generateContent" ? "generate" : "stream", match[1]!) : control(req, res, path);
    void Promise.resolve(handled)
      .then((done) => {
        if (done === false) sendJson(res, 404, errorBody({ status: 404, errorMessage: `No fake for ${req.method} ${path}` }).body);
      })
      .catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: { code: 500, message: String(error), status: "INTERNAL" } });
        else res.destroy();
      });
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://${host}:${port}`,
    port,
    requests,
    script(steps) {
      queue.push(...(Array.isArray(steps) ? steps : [steps]));
    },
    reset() {
      queue = [];
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Short alias: `const fake = await start()`. */
export const start = startFakeGemini;
