/**
 * `npm start` on every core: one `next start` per worker, all sharing one port through Node's
 * `cluster` (the primary accepts and hands connections round-robin). Nothing else is needed to
 * make them agree, because every piece of state — sessions, rate limits, idempotency keys, live
 * updates (change streams) — already lives in MongoDB.
 *
 * The primary:
 * - replaces a worker that dies after it was serving (a crash), but gives up when a worker dies
 *   before it ever listened (a bad build or configuration would otherwise restart forever);
 * - on SIGTERM/SIGINT asks every worker to finish (Next.js stops accepting, in-flight replies
 *   finish, live streams are closed so their browsers reconnect elsewhere) and kills what is left
 *   after the grace period;
 * - answers a worker's request for the metrics of all workers (prom-client's AggregatorRegistry
 *   aggregates only in the primary, and the scrape arrives at a worker).
 */
import cluster, { type Worker } from "node:cluster";
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue } from "prom-client";
import { CLUSTER_MESSAGE, parseClusterMessage, type ClusterMessage } from "../lib/shared/cluster-messages";

export interface ClusterOptions {
  /** The `next` CLI and its arguments (`start --port …`). */
  exec: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  workers: number;
  graceMs: number;
}

type Metrics = MetricObjectWithValues<MetricValue<string>>[];

const COLLECT_TIMEOUT_MS = 2_000;

interface Collection {
  pending: Set<number>;
  parts: Metrics[];
  requester: Worker;
  timer: NodeJS.Timeout;
}

/** The workers and what the primary does for them; one per launcher. */
class WorkerPool {
  // Our own count: Node removes a worker from cluster.workers only once it has both exited and
  // disconnected, in either order, so cluster.workers can still list one that has exited.
  private readonly alive = new Map<number, Worker>();
  private readonly listening = new Set<number>();
  private readonly collections = new Map<string, Collection>();
  private stopping = false;
  private exitCode = 0;

  constructor(
    private readonly options: ClusterOptions,
    private readonly onStopped: (code: number) => Promise<never>,
  ) {
    // No execArgv: the launcher runs under tsx, the workers are plain `next start`.
    cluster.setupPrimary({ exec: options.exec, args: options.args, execArgv: [] });
    cluster.on("exit", (worker, code, signal) => this.exited(worker, code, signal));
  }

  fork(): void {
    const worker = cluster.fork(this.options.env);
    this.alive.set(worker.id, worker);
    worker.on("listening", () => {
      this.listening.add(worker.id);
      console.log(`▲ Worker ${worker.process.pid} serving.`);
    });
    worker.on("message", (message: unknown) => this.received(worker, message));
  }

  stop(signal: NodeJS.Signals): void {
    if (this.stopping) return;
    this.stopping = true;
    if (this.alive.size === 0) void this.onStopped(this.exitCode);
    for (const worker of this.alive.values()) worker.process.kill(signal);
    // Past the grace period what is left is killed, and the exit code says so (replies cut off).
    setTimeout(() => {
      if (this.alive.size > 0) {
        console.error(`✖ ${this.alive.size} worker(s) still busy after ${this.options.graceMs} ms; killing them.`);
        this.exitCode = 1;
      }
      for (const worker of this.alive.values()) worker.process.kill("SIGKILL");
    }, this.options.graceMs).unref();
  }

  private exited(worker: Worker, code: number | null, signal: string | null): void {
    this.alive.delete(worker.id);
    const wasServing = this.listening.delete(worker.id);
    if (this.stopping) {
      if (this.alive.size === 0) void this.onStopped(this.exitCode);
    } else if (!wasServing) {
      console.error(`\n✖ A server worker exited before it started (${signal ?? `code ${code}`}); stopping.\n`);
      this.exitCode = 1;
      this.stop("SIGTERM");
    } else {
      console.error(`▲ Worker ${worker.process.pid} died (${signal ?? `code ${code}`}); starting a replacement.`);
      this.fork();
    }
  }

  private received(from: Worker, raw: unknown): void {
    const message = parseClusterMessage(raw);
    if (message?.[CLUSTER_MESSAGE] === "metrics:request") this.collect(from, message.id);
    if (message?.[CLUSTER_MESSAGE] !== "metrics:part") return;
    const collection = this.collections.get(message.id);
    if (!collection) return;
    collection.parts.push(message.metrics as Metrics);
    collection.pending.delete(from.id);
    if (collection.pending.size === 0) void this.answer(message.id);
  }

  /** Asks every worker for its registry; answers when all have, or after COLLECT_TIMEOUT_MS. */
  private collect(requester: Worker, id: string): void {
    const workers = [...this.alive.values()].filter((worker) => worker.isConnected());
    const timer = setTimeout(() => void this.answer(id), COLLECT_TIMEOUT_MS);
    this.collections.set(id, { pending: new Set(workers.map((worker) => worker.id)), parts: [], requester, timer });
    for (const worker of workers) worker.send({ [CLUSTER_MESSAGE]: "metrics:collect", id } satisfies ClusterMessage);
  }

  private async answer(id: string): Promise<void> {
    const collection = this.collections.get(id);
    if (!collection) return;
    clearTimeout(collection.timer);
    this.collections.delete(id);
    const text = await AggregatorRegistry.aggregate(collection.parts).metrics();
    // A worker that died meanwhile gets nothing; its scrape has failed anyway.
    if (collection.requester.isConnected()) collection.requester.send({ [CLUSTER_MESSAGE]: "metrics:result", id, text } satisfies ClusterMessage);
  }
}

export function runCluster(options: ClusterOptions, onStopped: (code: number) => Promise<never>): void {
  const pool = new WorkerPool(options, onStopped);
  process.on("SIGINT", () => pool.stop("SIGINT"));
  process.on("SIGTERM", () => pool.stop("SIGTERM"));
  console.log(`▲ Workers: ${options.workers} (WEB_CONCURRENCY), one port, round-robin.`);
  for (let i = 0; i < options.workers; i += 1) pool.fork();
}
