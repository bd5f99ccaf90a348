import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { closeDb } from "@/lib/server/infra/db/client";
import { resetEnvCache } from "@/lib/server/infra/env";

// A server that accepts connections and never says a word: a database that has stopped answering.
let silent: Server;
const sockets = new Set<Socket>();

beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const address = silent.address();
  if (!address || typeof address === "string") throw new Error("no port");
  process.env.MONGODB_URI = `mongodb://127.0.0.1:${address.port}`;
  process.env.MONGODB_DB = "health_degraded";
  resetEnvCache();
});

afterAll(async () => {
  await closeDb().catch(() => undefined);
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

describe("GET /api/health when the database does not answer", () => {
  it("answers 503 degraded within about 1.5 seconds instead of hanging", async () => {
    const started = Date.now();
    const response = await GET();
    const elapsed = Date.now() - started;
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({ status: "degraded", db: { ok: false } });
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(4000);
  });
});
