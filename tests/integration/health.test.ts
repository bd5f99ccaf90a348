import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { useAppDatabase } from "../helpers/app-db";

useAppDatabase();

describe("GET /api/health with a working database", () => {
  it("answers 200 with status ok, db latency, version and uptime", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", db: { ok: true } });
    expect(body.db.latencyMs).toBeGreaterThanOrEqual(0);
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Number.isInteger(body.uptimeS)).toBe(true);
  });
});
