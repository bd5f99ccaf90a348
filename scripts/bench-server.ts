/** The embedded server as its own process for the benchmarks (memory measured apart from the driver's). */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

const CLI = join(process.cwd(), "tools/embedded-mongo/cli.ts");
const SERVER_NODE_FLAGS = ["--max-old-space-size=8192"];

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Starts the CLI as one plain node process and resolves once it prints its ready line. */
export async function startServer(dbPath: string, extraArgs: string[] = []): Promise<{ child: ChildProcess; uri: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, "--import", "tsx", CLI, "--port", String(port), "--dbpath", dbPath, ...extraArgs], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready (mongodb:\/\/\S+)/.exec(out);
      if (match) resolve({ child, uri: match[1]! });
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}) before ready:\n${out}`)));
  });
}

export function stopServer(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

