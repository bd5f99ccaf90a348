/** The `npm run db:embedded` CLI, and the lock that keeps two servers off one dbPath. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MongoClient } from "mongodb";
import { describe, expect, it } from "vitest";
import { startEmbeddedMongo } from "@/tools/embedded-mongo";
import { isEmbedded, useTestDatabase } from "../../helpers/mongo";
import { useCleanups } from "../support/cleanups";
import type { AnyDoc } from "../support/docs";
import { freePort, runToExit, SERVE_FIXTURE, spawnServeFixture, spawnUntilReady, waitForExit, type RunningChild } from "../support/processes";

useTestDatabase();

const { defer, tempDir } = useCleanups();

async function startCli(dbPath: string) {
  const port = await freePort();
  // detached: the CLI gets its own process group, so a group signal mimics Ctrl-C in a terminal.
  const running = await spawnUntilReady("npm", ["run", "db:embedded", "--", "--port", String(port), "--dbpath", dbPath], { detached: true });
  defer(async () => {
    // Kill the whole group: if npm is gone, its children (tsx, node) must not outlive the test.
    try {
      process.kill(-running.child.pid!, "SIGKILL");
    } catch {
      // group already gone
    }
  });
  return { ...running, port };
}

async function roundTrip(uri: string, value: string): Promise<void> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000 });
  try {
    const coll = client.db("cli").collection<AnyDoc>("docs");
    await coll.insertOne({ _id: value });
    expect(await coll.findOne({ _id: value })).toEqual({ _id: value });
  } finally {
    await client.close();
  }
}

describe.runIf(isEmbedded())("npm run db:embedded", () => {
  it("prints a development-server warning and the ready line, serves the driver, exits 0 on SIGTERM", async () => {
    const dbPath = await tempDir("emb-cli-term");
    const cli = await startCli(dbPath);
    expect(cli.output()).toContain(`ready mongodb://127.0.0.1:${cli.port}`);
    const ownLines = cli.output().split("\n").filter((line) => line.trim() && !line.startsWith(">") && !line.includes("ready mongodb://"));
    expect(ownLines.some((line) => /develop|test/i.test(line)), `warning line missing in:\n${cli.output()}`).toBe(true);
    await roundTrip(cli.uri, "term");
    cli.child.kill("SIGTERM");
    expect(await waitForExit(cli.child)).toEqual({ code: 0, signal: null });
  }, 60_000);

  it("exits 0 on SIGINT (Ctrl-C) and keeps what was written", async () => {
    const dbPath = await tempDir("emb-cli-int");
    const cli = await startCli(dbPath);
    await roundTrip(cli.uri, "int");
    process.kill(-cli.child.pid!, "SIGINT");
    expect(await waitForExit(cli.child)).toEqual({ code: 0, signal: null });

    const server = await startEmbeddedMongo({ port: 0, dbPath, quiet: true });
    const client = new MongoClient(server.uri);
    try {
      expect(await client.db("cli").collection<AnyDoc>("docs").findOne({ _id: "int" })).toEqual({ _id: "int" });
    } finally {
      await client.close();
      await server.stop();
    }
  }, 60_000);
});

describe.runIf(isEmbedded())("dbPath lock", () => {
  it("refuses a second server in this process on a dbPath that is in use, and frees it on stop", async () => {
    const dbPath = await tempDir("emb-lock");
    const first = await startEmbeddedMongo({ port: 0, dbPath, quiet: true });
    try {
      await expect(startEmbeddedMongo({ port: 0, dbPath, quiet: true })).rejects.toThrow(/lock|in use|already|another/i);
    } finally {
      await first.stop();
    }
    const again = await startEmbeddedMongo({ port: 0, dbPath, quiet: true });
    await again.stop();
  });

  it("refuses a second server in another process with a clear error", async () => {
    const dbPath = await tempDir("emb-lock-proc");
    const first = await startEmbeddedMongo({ port: 0, dbPath, quiet: true });
    try {
      const second = await runToExit(process.execPath, ["--import", "tsx", SERVE_FIXTURE, dbPath]);
      expect(second.code).not.toBe(0);
      expect(second.output).toMatch(/lock|in use|already|another/i);
      expect(second.output).not.toContain("ready mongodb://");
    } finally {
      await first.stop();
    }
  }, 60_000);
});

/** Starts the serve fixture and kills it (SIGKILL) after the test if it is still running. */
async function serve(dbPath: string): Promise<RunningChild> {
  const running = await spawnServeFixture(dbPath);
  defer(async () => {
    running.child.kill("SIGKILL");
  });
  return running;
}

function processState(pid: number): string | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ..."; the state letter follows the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  } catch {
    return undefined;
  }
}

describe.runIf(isEmbedded())("dbPath lock after a crash", () => {
  it("reopens a SIGKILLed server's dbPath at once, 20 times in a row, keeping every write", async () => {
    const dbPath = await tempDir("emb-lock-kill");
    let server = await serve(dbPath);
    for (let round = 0; round < 20; round += 1) {
      await roundTrip(server.uri, `round-${round}`);
      server.child.kill("SIGKILL");
      // No wait for the exit: the next server starts while the killed one may still be dying.
      server = await serve(dbPath);
    }
    const client = new MongoClient(server.uri);
    try {
      expect(await client.db("cli").collection<AnyDoc>("docs").countDocuments()).toBe(20);
    } finally {
      await client.close();
    }
  }, 300_000);

  it("is not fooled by a killed holder that lingers as a zombie with its pid", async () => {
    const dbPath = await tempDir("emb-lock-zombie");
    // The server runs under a shell; a stopped shell cannot reap it, so after SIGKILL the server
    // stays a zombie (its pid still "exists") until the shell runs again.
    const shell = await spawnUntilReady("sh", ["-c", `"${process.execPath}" --import tsx "${SERVE_FIXTURE}" "${dbPath}" & wait`], { detached: true });
    defer(async () => {
      try {
        process.kill(-shell.child.pid!, "SIGCONT");
        process.kill(-shell.child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    });
    const holder = Number(readFileSync(join(dbPath, "embedded-mongo.lock"), "utf8").trim());
    process.kill(shell.child.pid!, "SIGSTOP");
    process.kill(holder, "SIGKILL");
    await expect.poll(() => processState(holder), { timeout: 5_000 }).toBe("Z");
    const next = await serve(dbPath);
    await roundTrip(next.uri, "after-zombie");
  }, 60_000);

  it("still refuses a second server while the holder is alive but frozen (SIGSTOP)", async () => {
    const dbPath = await tempDir("emb-lock-frozen");
    const holder = await serve(dbPath);
    process.kill(holder.child.pid!, "SIGSTOP");
    defer(async () => {
      holder.child.kill("SIGCONT");
    });
    const second = await runToExit(process.execPath, ["--import", "tsx", SERVE_FIXTURE, dbPath]);
    expect(second.code).not.toBe(0);
    expect(second.output).toContain(`locked by another running embedded-mongo server (pid ${holder.child.pid})`);
    expect(second.output).not.toContain("ready mongodb://");
  }, 60_000);
});
