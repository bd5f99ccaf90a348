import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { metrics } from "@/lib/server/infra/metrics";

interface Panel {
  title: string;
  targets: { expr: string }[];
}

const dashboard = JSON.parse(readFileSync("docs/grafana-dashboard.json", "utf8")) as { panels: Panel[] };

describe("docs/grafana-dashboard.json", () => {
  it("charts only metrics the app exports, and every app metric has a panel", async () => {
    const exported = (await metrics().registry.getMetricsAsJSON()).map((metric) => metric.name);
    const series = new Set(exported.flatMap((name) => [name, `${name}_bucket`, `${name}_count`, `${name}_sum`]));
    const charted = dashboard.panels.flatMap((panel) => panel.targets.flatMap((target) => target.expr.match(/\b(?:chatcraft|process|nodejs)_[a-z0-9_]+/g) ?? []));
    for (const name of charted) expect(series, `unknown metric ${name}`).toContain(name);
    const chartedBase = new Set(charted.map((name) => name.replace(/_(bucket|count|sum)$/, "")));
    for (const name of exported.filter((n) => n.startsWith("chatcraft_"))) expect(chartedBase, `no panel for ${name}`).toContain(name);
  });
});
