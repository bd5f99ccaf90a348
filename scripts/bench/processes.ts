/**
 * The processes a benchmark run needs — the embedded database, the fake Gemini, the production
 * app and the bare Next.js "floor" app — each started in its own process group so one stop
 * ends it and everything it spawned; plus /proc readings (CPU, RSS) of a process tree.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";

export interface Started {
  child: ChildProcess;
  stop: () => Promise<void>;
}

const TSX_CLI = createRequire(import.meta.url).resolve("tsx/cli");
export const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");

/** Spawns `args` under node in a new process group and resolves once `ready` matches its output. */
export function startProcess(name: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, cwd = "."): Promise<Started> {
  const timeoutMs = 120_000;
  const child = spawn(process.execPath, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  // Everything the process prints is kept in a log file, for when a run goes wrong.
  const log = createWriteStream(join(tmpdir(), `chatcraft-bench-${name.replace(/\W+/g, "-")}.log`));
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    process.kill(-child.pid!, "SIGTERM");
    const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const watch = (chunk: Buffer) => {
      if (output.length < 100_000) output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve({ child, stop });
      }
    };
    child.stdout!.on("data", watch);
    child.stderr!.on("data", watch);
    child.once("exit", (code) => reject(new Error(`${name} exited (${code}) before it was ready:\n${output}`)));
  });
}

/** `nodeArgs` go to node itself; then the server runs in that same process (tsx as a loader, not its CLI). */
export function startEmbeddedDb(port: number, nodeArgs: string[] = []): Promise<Started> {
  const launch = nodeArgs.length > 0 ? [...nodeArgs, "--import", "tsx"] : [TSX_CLI];
  return startProcess("embedded db", [...launch, "tools/embedded-mongo/cli.ts", "--port", String(port)], process.env, /ready mongodb:/);
}

export function startFakeGeminiProcess(port: number): Promise<Started> {
  return startProcess("fake Gemini", [TSX_CLI, "tests/fake-gemini/cli.ts", "--port", String(port)], process.env, /Fake Gemini listening/);
}

/**
 * `next start` for the app in `dir`, run from inside it: Next.js 16 resolves proxy.ts and
 * instrumentation.ts against the working directory's project, not only the one named.
 * `nodeArgs` go to node itself (e.g. --cpu-prof, which NODE_OPTIONS refuses).
 */
export function startNext(dir: string, port: number, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Promise<Started> {
  return startProcess(`next start (${dir})`, [...nodeArgs, NEXT_BIN, "start", "--port", String(port), "--hostname", "127.0.0.1"], env, /Ready in/, dir);
}

function children(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(join("/proc", entry, "stat"), "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

function tree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i]!));
  return all;
}

/** User + system CPU milliseconds used so far by `pid` and its descendants. */
export function cpuMs(pid: number): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux.
  let total = 0;
  for (const p of tree(pid)) {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
      total += (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      // Gone.
    }
  }
  return total;
}

/** Resident memory (MB) of the biggest process in the tree: next start's `next-server`. */
export function rssMb(pid: number): number {
  let biggest = 0;
  for (const p of tree(pid)) {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
      biggest = Math.max(biggest, kb / 1024);
    } catch {
      // Gone.
    }
  }
  return biggest;
}
