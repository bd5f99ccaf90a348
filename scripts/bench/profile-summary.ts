/**
 * `tsx scripts/bench/profile-summary.ts <file.cpuprofile> [top] [replies]` — where next-server's
 * CPU went in a `bench:app -- --profile` run (bench:app prints this itself at the end of one).
 *
 * Frames inside the build's server chunks are mapped back through the chunks' source maps
 * (node:module's SourceMap, no dependency), so a sample is "ours" when its source is this
 * repository's code and the framework's (Next.js, next-auth, React, zod, …) otherwise. Module
 * loading at start-up is counted apart, so what is left is the work of serving.
 */
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code comes from: our source file, a package, or node itself. */
interface Origin {
  /** "ours", "framework" (any package, bundled or not) or "node" (node internals, native, GC). */
  side: "ours" | "framework" | "node";
  /** A package name, or our file's path. */
  owner: string;
  /** Function and place, for the by-function table. */
  name: string;
}

const maps = new Map<string, SourceMap | null>();

function sourceMapOf(url: string): SourceMap | null {
  if (!maps.has(url)) {
    let map: SourceMap | null = null;
    try {
      const file = `${url.startsWith("file:") ? fileURLToPath(url) : url}.map`;
      if (existsSync(file)) map = new SourceMap(JSON.parse(readFileSync(file, "utf8")) as ConstructorParameters<typeof SourceMap>[0]);
    } catch {
      map = null;
    }
    maps.set(url, map);
  }
  return maps.get(url) ?? null;
}

function packageName(path: string): string | null {
  return /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? null;
}

function originOf(frame: CallFrame): Origin {
  const fn = frame.functionName || "(anonymous)";
  if (frame.url === "" || frame.url.startsWith("node:")) return { side: "node", owner: "(node / native / GC)", name: `${fn} ${frame.url}:${frame.lineNumber}` };
  const map = frame.url.includes("/.next/") ? sourceMapOf(frame.url) : null;
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
  const source = entry && "originalSource" in entry ? String(entry.originalSource) : null;
  const path = source ?? frame.url;
  const pkg = packageName(path);
  if (pkg) return { side: "framework", owner: pkg, name: `${fn} ${pkg}/${path.split("/").at(-1)}` };
  if (source) {
    const file = source.replace(/^.*\[project\]\//, "").replace(/^turbopack:\/\/\//, "");
    const line = entry && "originalLine" in entry ? Number(entry.originalLine) + 1 : 0;
    // Turbopack's own runtime and Next.js's generated entry code are the framework's, not ours.
    if (/\[turbopack\]|\[next\]|^next\//.test(file)) return { side: "framework", owner: "next (runtime)", name: `${fn} ${file}:${line}` };
    return { side: "ours", owner: file, name: `${fn} ${file}:${line}` };
  }
  return { side: "framework", owner: frame.url.includes("/.next/") ? "(unmapped app chunks)" : frame.url, name: `${fn} ${frame.url.split("/").slice(-2).join("/")}:${frame.lineNumber}` };
}

function top(totals: Map<string, number>, count: number, all: number, per: number): string[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => `${(us / 1000 / per).toFixed(2).padStart(8)} ms ${((100 * us) / all).toFixed(1).padStart(5)} %  ${name}`);
}

const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);

/** A sample is start-up when module loading is on its stack. */
function isModuleLoading(node: ProfileNode, parent: Map<number, ProfileNode>): boolean {
  for (let cur: ProfileNode | undefined = node; cur; cur = parent.get(cur.id)) {
    const { functionName, url } = cur.callFrame;
    if (/^(Module\._load|Module\._compile|instantiateModule|loadRuntimeChunk)/.test(functionName) || (url.includes("[turbopack]_runtime") && functionName === "instantiateModule")) return true;
  }
  return false;
}

/** Prints the summary; `replies` divides the serving time into per-reply milliseconds (1 = totals). */
export function summarise(file: string, count = 25, replies = 1): void {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const bySide = new Map<string, number>();
  const byOwner = new Map<string, number>();
  const ours = new Map<string, number>();
  const framework = new Map<string, number>();
  const inclusiveOurs = new Map<string, number>();
  let serving = 0;
  let loading = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const us = profile.timeDeltas[i] ?? 0;
    if (node.callFrame.functionName === "(idle)" || node.callFrame.functionName === "(program)") return;
    if (isModuleLoading(node, parent)) {
      loading += us;
      return;
    }
    serving += us;
    const origin = originOf(node.callFrame);
    add(bySide, origin.side, us);
    add(byOwner, `${origin.side.padEnd(9)} ${origin.owner}`, us);
    add(origin.side === "ours" ? ours : framework, origin.name, us);
    // Our nearest frame on the stack: what of ours caused this sample, whoever spent it.
    for (let cur: ProfileNode | undefined = node; cur; cur = parent.get(cur.id)) {
      const caller = originOf(cur.callFrame);
      if (caller.side === "ours") {
        add(inclusiveOurs, caller.name, us);
        break;
      }
    }
  });
  const unit = replies > 1 ? `ms per reply (over ${replies} replies)` : "ms";
  console.log(`busy CPU in profile: ${(serving / 1000).toFixed(0)} ms serving + ${(loading / 1000).toFixed(0)} ms loading modules; figures in ${unit}`);
  console.log(`\nby side (self time):\n${top(bySide, 3, serving, replies).join("\n")}`);
  console.log(`\nby package or file (self time):\n${top(byOwner, count, serving, replies).join("\n")}`);
  console.log(`\nours, by function (self time):\n${top(ours, count, serving, replies).join("\n")}`);
  console.log(`\nframework and node, by function (self time):\n${top(framework, count, serving, replies).join("\n")}`);
  console.log(`\nours, by our nearest function on the stack (what of ours caused the time, any side spent it):\n${top(inclusiveOurs, count, serving, replies).join("\n")}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [file, countArg, repliesArg] = process.argv.slice(2);
  if (!file) throw new Error("usage: profile-summary <file.cpuprofile> [top] [replies]");
  summarise(file, Number(countArg ?? 25), Number(repliesArg ?? 1));
}
