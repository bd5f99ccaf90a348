/** A pid lock file that keeps two servers (in this or another process) off one dbPath. */
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const heldInThisProcess = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export class LockFile {
  private constructor(
    readonly dir: string,
    readonly path: string,
  ) {}

  static acquire(dir: string): LockFile {
    const path = join(dir, "embedded-mongo.lock");
    if (heldInThisProcess.has(dir)) {
      throw new Error(`dbPath ${dir} is already in use by another embedded-mongo server in this process (pid ${process.pid}); lock file ${path}`);
    }
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(readFileSync(path, "utf8").trim(), 10);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new Error(`dbPath ${dir} is locked by another running embedded-mongo server (pid ${holder}); lock file ${path}. Stop that server or use another --dbpath.`);
      }
      // Stale lock from a process that no longer runs: take it over.
      writeFileSync(path, `${process.pid}\n`);
    }
    heldInThisProcess.add(dir);
    return new LockFile(dir, path);
  }

  release(): void {
    heldInThisProcess.delete(this.dir);
    try {
      if (readFileSync(this.path, "utf8").trim() === String(process.pid)) unlinkSync(this.path);
    } catch {
      // already gone
    }
  }
}
