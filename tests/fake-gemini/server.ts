/**
 * A local stand-in for the Gemini API, so tests drive the real @google/genai SDK end to end.
 * It answers `POST /v1beta/models/{model}:streamGenerateContent?alt=sse` (SSE `data: {json}`
 * events) and `:generateContent`, from a per-test queue of scripted steps (errors, delays, cuts,
 * safety blocks), and records every request so tests can check what was sent and whether the
 * client hung up. It also takes Files API uploads the way the SDK sends them (`ai.files.upload`:
 * the resumable protocol — a `start` request answered with `x-goog-upload-url`, then chunks with
 * `X-Goog-Upload-Offset` and `upload` / `upload, finalize`), keeps the bytes, and refuses a model
 * call whose `fileData` part names a file it never received (as Gemini does). Control endpoints (`POST /__script`, `GET /__requests`, `POST /__reset`) let
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

/** A file received through the Files API. */
export interface FakeUpload {
  /** "files/<id>", as Gemini names it. */
  name: string;
  uri: string;
  mimeType: string;
  displayName?: string;
  bytes: Buffer;
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
  /** Files uploaded through the Files API, in order. */
  uploads: FakeUpload[];
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

async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of req) pieces.push(piece as Buffer);
  return Buffer.concat(pieces);
}

async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBytes(req)).toString("utf8");
}

/** The fileData parts of a request: what must name uploaded files. */
function fileUris(body: GenerateRequestBody): string[] {
  const parts = (body.contents ?? []).flatMap((content) => (content.parts ?? []) as { fileData?: { fileUri?: string } }[]);
  return parts.flatMap((part) => (part.fileData ? [String(part.fileData.fileUri)] : []));
}

/** Gemini keeps an uploaded file for 48 hours. */
const FILE_LIFETIME_MS = 48 * 60 * 60 * 1000;

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8", ...headers });
  res.end(JSON.stringify(body));
}

export async function startFakeGemini(options: FakeGeminiOptions = {}): Promise<FakeGemini> {
  let queue: ScriptStep[] = [];
  const requests: RecordedRequest[] = [];
  const uploads: FakeUpload[] = [];
  const open = new Map<string, { mimeType: string; displayName?: string; size: number; received: Buffer[]; offset: number }>();
  let nextUpload = 0;
  let baseUrl = "";

  /** Step 1 of the resumable upload: the file's metadata; the answer names where the bytes go. */
  async function startUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = JSON.parse((await readBody(req)) || "{}") as { file?: { mimeType?: string; displayName?: string } };
    if (req.headers["x-goog-upload-protocol"] !== "resumable" || req.headers["x-goog-upload-command"] !== "start") {
      return sendJson(res, 400, errorBody({ status: 400, errorMessage: "Expected a resumable upload start." }).body);
    }
    const id = `fake-file-${(nextUpload += 1)}`;
    const size = Number(req.headers["x-goog-upload-header-content-length"]);
    const mimeType = String(req.headers["x-goog-upload-header-content-type"] ?? body.file?.mimeType ?? "");
    open.set(id, { mimeType, displayName: body.file?.displayName, size, received: [], offset: 0 });
    sendJson(res, 200, {}, { "x-goog-upload-url": `${baseUrl}/__upload/${id}`, "x-goog-upload-status": "active" });
  }

  /** Step 2: the bytes, in order (the offset must be what was received so far), the last with "finalize". */
  async function uploadChunk(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const upload = open.get(id);
    const chunk = await readBytes(req);
    const command = String(req.headers["x-goog-upload-command"] ?? "");
    if (!upload || Number(req.headers["x-goog-upload-offset"]) !== upload.offset || !command.startsWith("upload")) {
      return sendJson(res, 400, errorBody({ status: 400, errorMessage: "Bad upload chunk." }).body, { "x-goog-upload-status": "cancelled" });
    }
    upload.received.push(chunk);
    upload.offset += chunk.length;
    if (!command.includes("finalize")) return sendJson(res, 200, {}, { "x-goog-upload-status": "active" });
    open.delete(id);
    const bytes = Buffer.concat(upload.received);
    if (bytes.length !== upload.size) return sendJson(res, 400, errorBody({ status: 400, errorMessage: "Size mismatch." }).body, { "x-goog-upload-status": "cancelled" });
    const file: FakeUpload = { name: `files/${id}`, uri: `${baseUrl}/v1beta/files/${id}`, mimeType: upload.mimeType, displayName: upload.displayName, bytes };
    uploads.push(file);
    const now = Date.now();
    sendJson(
      res,
      200,
      {
        file: {
          name: file.name,
          displayName: file.displayName,
          mimeType: file.mimeType,
          sizeBytes: String(bytes.length),
          createTime: new Date(now).toISOString(),
          expirationTime: new Date(now + FILE_LIFETIME_MS).toISOString(),
          uri: file.uri,
          state: "ACTIVE",
        },
      },
      { "x-goog-upload-status": "final" },
    );
  }

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

    const unknownFile = fileUris(body).find((uri) => !uploads.some((file) => file.uri === uri));
    if (unknownFile) {
      record.finished = true;
      return sendJson(res, 400, errorBody({ status: 400, errorMessage: `File ${unknownFile} does not exist.` }).body);
    }
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
      uploads.length = 0;
      sendJson(res, 200, { ok: true });
      return true;
    }
    return false;
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    const match = MODEL_PATH.exec(path);
    const chunkOf = /^\/__upload\/([\w-]+)$/.exec(path);
    const handled =
      req.method !== "POST"
        ? control(req, res, path)
        : match
          ? answer(req, res, match[2] === "generateContent" ? "generate" : "stream", match[1]!)
          : path === "/upload/v1beta/files"
            ? startUpload(req, res)
            : chunkOf
              ? uploadChunk(req, res, chunkOf[1]!)
              : control(req, res, path);
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
  baseUrl = `http://${host}:${port}`;

  return {
    baseUrl,
    port,
    requests,
    uploads,
    script(steps) {
      queue.push(...(Array.isArray(steps) ? steps : [steps]));
    },
    reset() {
      queue = [];
      requests.length = 0;
      uploads.length = 0;
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
