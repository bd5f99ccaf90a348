/** Small numeric helpers for the benchmark's tables. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

export function fixed(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}

/** Runs `task` `total` times with at most `concurrency` at once; returns the results in finish order. */
export async function pool<T>(total: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) results.push(await task(next++));
  };
  await Promise.all(Array.from({ length: Math.min(total, concurrency) }, worker));
  return results;
}
