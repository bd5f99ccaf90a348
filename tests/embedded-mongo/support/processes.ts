/** Child-process plumbing for the embedded-only tests: temp folders, free ports, "ready" lines, exits. */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));
export const SERVE_FIXTURE = join(REPO_ROOT, "tests/embedded-mongo/embedded-only/fixtures/serve.ts");

export interface RunningChild {
  child: ChildProcess;
  uri: string;
  /** Everything the child wrote so far, stdout and stderr interleaved. */
  output: () => string;
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

export async function makeTempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function collectOutput(child: ChildProcess): () => string {
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return () => output;
}

/** Starts a process and resolves once it prints `ready mongodb://…`; rejects if it exits first. */
export function spawnUntilReady(command: string, args: string[], options: SpawnOptions = {}, timeoutMs = 30_000): Promise<RunningChild> {
  const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"], ...options });
  const output = collectOutput(child);
  return new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no "ready" line within ${timeoutMs} ms; output:\n${output()}`));
    }, timeoutMs);
    const onData = () => {
      const match = /ready (mongodb:\/\/\S+)/.exec(output());
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      resolveReady({ child, uri: match[1]!, output });
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`exited (code ${code}, signal ${signal}) before "ready"; output:\n${output()}`));
    });
  });
}

/** Runs the serve fixture (one plain node process, so SIGKILL really kills the server). */
export function spawnServeFixture(dbPath: string): Promise<RunningChild> {
  return spawnUntilReady(process.execPath, ["--import", "tsx", SERVE_FIXTURE, dbPath]);
}

export function waitForExit(child: ChildProcess, timeoutMs = 20_000): Promise<Omit<ChildExit, "output">> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode as NodeJS.Signals | null });
  }
  return new Promise((resolveExit, reject) => {
    const timer = setTimeout(() => reject(new Error(`process ${child.pid} did not exit within ${timeoutMs} ms`)), timeoutMs);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolveExit({ code, signal });
    });
  });
}

/** Runs a process to completion (for commands expected to fail fast). */
export async function runToExit(command: string, args: string[], timeoutMs = 30_000): Promise<ChildExit> {
  const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const output = collectOutput(child);
  try {
    const exit = await waitForExit(child, timeoutMs);
    return { ...exit, output: output() };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}
