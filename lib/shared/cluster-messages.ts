/**
 * The messages `npm start`'s primary process (scripts/launch-cluster.ts) and its server workers
 * (lib/server/infra/cluster-metrics.ts) exchange over the cluster's IPC channel. Parsed on arrival
 * like any other input: the channel also carries Node's own cluster messages.
 */
import { z } from "zod";

export const CLUSTER_MESSAGE = "chatcraft";

const id = z.string().min(1).max(64);

export const clusterMessageSchema = z.discriminatedUnion(CLUSTER_MESSAGE, [
  /** worker → primary: a scrape arrived; send me every worker's metrics. */
  z.object({ [CLUSTER_MESSAGE]: z.literal("metrics:request"), id }),
  /** primary → every worker: send me your metrics. */
  z.object({ [CLUSTER_MESSAGE]: z.literal("metrics:collect"), id }),
  /** worker → primary: prom-client's `getMetricsAsJSON()`. */
  z.object({ [CLUSTER_MESSAGE]: z.literal("metrics:part"), id, metrics: z.array(z.unknown()) }),
  /** primary → the asking worker: all workers' metrics, aggregated, in Prometheus text format. */
  z.object({ [CLUSTER_MESSAGE]: z.literal("metrics:result"), id, text: z.string() }),
]);

export type ClusterMessage = z.infer<typeof clusterMessageSchema>;

export function parseClusterMessage(message: unknown): ClusterMessage | null {
  const parsed = clusterMessageSchema.safeParse(message);
  return parsed.success ? parsed.data : null;
}
