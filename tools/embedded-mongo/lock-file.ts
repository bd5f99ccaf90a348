/**
 * The dbPath lock: one server per data folder, in this or any other process. The lock itself is a
 * listening Unix socket whose name is derived from the folder — the kernel releases it the moment
 * the holder dies (SIGKILL, crash), however long the dead process stays a zombie and whatever pid
 * is reused later, and two servers cannot both bind it. On Linux the socket lives in the abstract
 * namespace (no file at all), on Windows it is a named pipe; elsewhere it is a socket file in the
 * temp folder, and a file nobody answers on is stale. `embedded-mongo.lock` in the folder only records the holder's pid for
 * people and error messages; it is not what decides.
 */
import { createHash } from "node:crypto";
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { connect, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const heldInThisProcess = new Set<string>();

function socketPathFor(dir: string): string {
  const key = createHash("sha256").update(dir).digest("hex").slice(0, 32);
  if (process.platform === "linux") return `\0embedded-mongo-${key}`;
  // Windows named pipes, like abstract sockets, have no file and vanish with their last holder.
  if (process.platform === "win32") return `\\\\.\\pipe\\embedded-mongo-${key}`;
  return join(tmpdir(), `embedded-mongo-${key}.sock`);
}

function listen(path: string): Promise<Server> {
  return new Promise((resolveServer, reject) => {
    // Nobody needs to talk to the lock: close anything that connects.
    const server = createServer((socket) => socket.destroy());
    server.once("error", reject);
    server.listen(path, () => {
      server.off("error", reject);
      server.unref();
      resolveServer(server);
    });
  });
}

/** True when a process is listening on a socket file (false when the file is a dead holder's leftover). */
function answers(path: string): Promise<boolean> {
  return new Promise((resolveAnswer) => {
    const socket = connect(path);
    socket.once("connect", () => {
      socket.destroy();
      resolveAnswer(true);
    });
    socket.once("error", () => resolveAnswer(false));
  });
}

function recordedPid(lockPath: string): string {
  try {
    return readFileSync(lockPath, "utf8").trim() || "unknown";
  } catch {
    return "unknown";
  }
}

async function bindLock(dir: string, socketPath: string, lockPath: string): Promise<Server> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await listen(socketPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
      const fileless = !socketPath.startsWith("/"); // abstract socket or named pipe: nothing stale to clean
      if (fileless || attempt > 0 || (await answers(socketPath))) {
        throw new Error(`dbPath ${dir} is locked by another running embedded-mongo server (pid ${recordedPid(lockPath)}); lock file ${lockPath}. Stop that server or use another --dbpath.`);
      }
      unlinkSync(socketPath); // a socket file nobody listens on: its holder is dead
    }
  }
}

export class LockFile {
  private constructor(
    readonly dir: string,
    readonly path: string,
    private readonly server: Server,
  ) {}

  /** Takes the lock on `dir` (an absolute, real path) or throws naming the holder's pid. */
  static async acquire(dir: string): Promise<LockFile> {
    const path = join(dir, "embedded-mongo.lock");
    if (heldInThisProcess.has(dir)) {
      throw new Error(`dbPath ${dir} is already in use by another embedded-mongo server in this process (pid ${process.pid}); lock file ${path}`);
    }
    heldInThisProcess.add(dir);
    try {
      const server = await bindLock(dir, socketPathFor(dir), path);
      writeFileSync(path, `${process.pid}\n`);
      return new LockFile(dir, path, server);
    } catch (error) {
      heldInThisProcess.delete(dir);
      throw error;
    }
  }

  release(): void {
    try {
      if (readFileSync(this.path, "utf8").trim() === String(process.pid)) unlinkSync(this.path);
    } catch {
      // already gone
    }
    this.server.close();
    heldInThisProcess.delete(this.dir);
  }
}
