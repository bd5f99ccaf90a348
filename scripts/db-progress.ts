/**
 * Progress for db:export / db:import on stderr (stdout stays clean for the summary): a live bar
 * when stderr is a terminal, one line per finished collection when it is not (CI, pipes).
 */
import { SingleBar, Presets } from "cli-progress";

export interface Progress {
  start(collection: string, total: number): void;
  update(done: number): void;
  finish(collection: string, done: number): void;
}

export function createProgress(verb: string): Progress {
  const tty = process.stderr.isTTY === true;
  const bar = new SingleBar(
    { format: `${verb} {collection} [{bar}] {percentage}% | {value}/{total} documents`, stream: process.stderr, hideCursor: true, etaBuffer: 1000 },
    Presets.shades_classic,
  );
  let active = false;
  return {
    start(collection, total) {
      if (!tty) return;
      bar.start(Math.max(total, 1), 0, { collection });
      active = true;
    },
    update(done) {
      if (active && done % 500 === 0) bar.update(done);
    },
    finish(collection, done) {
      if (active) {
        bar.setTotal(Math.max(done, 1));
        bar.update(done);
        bar.stop();
        active = false;
      } else {
        process.stderr.write(`${verb} ${collection}: ${done} documents\n`);
      }
    },
  };
}

/** Peak resident memory of this process so far, in MB (the bounded-memory claim, measured). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
