/**
 * `tsx scripts/bench/profile-summary.ts <file.cpuprofile> [top]` — where next-server's CPU went
 * in a `bench:app -- --profile` run: self time by function and by package, heaviest first.
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** "mongodb", "next", "react-dom", "(app)" for the app's own bundled chunks, "(node)" for node internals. */
function packageOf(url: string): string {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1]!;
  if (url.includes("/.next/")) return "(app chunks)";
  if (url.startsWith("node:") || url === "") return "(node / native)";
  return url;
}

function top(totals: Map<string, number>, count: number, all: number): string[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / all).toFixed(1).padStart(5)} %  ${name}`);
}

function main(): void {
  const [file, countArg] = process.argv.slice(2);
  if (!file) throw new Error("usage: profile-summary <file.cpuprofile> [top]");
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const us = profile.timeDeltas[i] ?? 0;
    if (frame.functionName === "(idle)" || frame.functionName === "(program)") return;
    all += us;
    const name = `${frame.functionName || "(anonymous)"} ${frame.url.split("/").slice(-2).join("/")}:${frame.lineNumber}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byPackage.set(packageOf(frame.url), (byPackage.get(packageOf(frame.url)) ?? 0) + us);
  });
  const count = Number(countArg ?? 25);
  console.log(`busy CPU in profile: ${(all / 1000).toFixed(0)} ms\n\nby package:\n${top(byPackage, count, all).join("\n")}`);
  console.log(`\nby function (self time):\n${top(byFunction, count, all).join("\n")}`);
}

main();
