/**
 * Metrics across `npm start`'s workers (scripts/launch-cluster.ts). A scrape reaches one worker,
 * but Prometheus must see the whole server, so that worker asks the primary, which collects every
 * worker's registry and aggregates them with prom-client's AggregatorRegistry. prom-client's own
 * cluster helper only aggregates for a server running in the primary; ours runs in the workers,
 * hence this small request/answer over the same IPC channel.
 */
import "server-only";
import cluster from "node:cluster";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/shared/errors";
import { CLUSTER_MESSAGE, parseClusterMessage, type ClusterMessage } from "@/lib/shared/cluster-messages";
import { metrics } from "@/lib/server/infra/metrics";

const ANSWER_TIMEOUT_MS = 5_000;
const installedKey = Symbol.for("chatcraft.cluster-metrics.responder");
type WithResponder = typeof globalThis & { [installedKey]?: true };

function send(message: ClusterMessage): void {
  process.send?.(message);
}

function inCluster(): boolean {
  return cluster.isWorker && typeof process.send === "function";
}

/** Answers the primary's "send me your metrics" with this process's registry; once per process. */
export function installMetricsResponder(): void {
  const holder = globalThis as WithResponder;
  if (!inCluster() || holder[installedKey]) return;
  holder[installedKey] = true;
  process.on("message", (raw: unknown) => {
    const message = parseClusterMessage(raw);
    if (message?.[CLUSTER_MESSAGE] !== "metrics:collect") return;
    void metrics()
      .registry.getMetricsAsJSON()
      .then((list) => send({ [CLUSTER_MESSAGE]: "metrics:part", id: message.id, metrics: list }));
  });
}

/** Prometheus text for the whole server: every worker's metrics together when clustered. */
export async function serverMetricsText(): Promise<string> {
  if (!inCluster()) return metrics().registry.metrics();
  installMetricsResponder();
  const id = randomUUID();
  return new Promise<string>((resolve, reject) => {
    const onMessage = (raw: unknown): void => {
      const message = parseClusterMessage(raw);
      if (message?.[CLUSTER_MESSAGE] !== "metrics:result" || message.id !== id) return;
      done();
      resolve(message.text);
    };
    const timer = setTimeout(() => {
      done();
      reject(new AppError("unavailable", "The server's workers did not answer for their metrics in time."));
    }, ANSWER_TIMEOUT_MS);
    const done = (): void => {
      clearTimeout(timer);
      process.off("message", onMessage);
    };
    process.on("message", onMessage);
    send({ [CLUSTER_MESSAGE]: "metrics:request", id });
  });
}
