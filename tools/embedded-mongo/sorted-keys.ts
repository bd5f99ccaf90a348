/**
 * Unique-index keys kept sorted under a comparator (a collation), so keys it holds equal are
 * neighbours: a conflict is a binary search away, whatever the keys' byte spelling ("Ada"/"ADA").
 */
export type KeyCompare = (a: unknown, b: unknown) => number;

interface Entry {
  key: unknown[];
  id: string;
}

export class SortedKeys {
  private readonly entries: Entry[] = [];

  constructor(private readonly compareValue: KeyCompare) {}

  private compare(a: unknown[], b: unknown[]): number {
    for (let i = 0; i < a.length; i += 1) {
      const c = this.compareValue(a[i], b[i]);
      if (c !== 0) return c;
    }
    return 0;
  }

  /** First position whose key is not below `key`. */
  private lowerBound(key: unknown[]): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(this.entries[mid]!.key, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Position of the first entry equal to `key` that satisfies `test`, or -1. */
  private findEqual(key: unknown[], test: (entry: Entry) => boolean): number {
    for (let at = this.lowerBound(key); at < this.entries.length; at += 1) {
      const entry = this.entries[at]!;
      if (this.compare(entry.key, key) !== 0) return -1;
      if (test(entry)) return at;
    }
    return -1;
  }

  /** A key held equal to one of `keys` by another document than `id`, if any. */
  conflict(id: string, keys: unknown[][]): unknown[] | undefined {
    return keys.find((key) => this.findEqual(key, (entry) => entry.id !== id) >= 0);
  }

  add(id: string, keys: unknown[][]): void {
    for (const key of keys) this.entries.splice(this.lowerBound(key), 0, { key, id });
  }

  remove(id: string, keys: unknown[][]): void {
    for (const key of keys) {
      const at = this.findEqual(key, (entry) => entry.id === id);
      if (at >= 0) this.entries.splice(at, 1);
    }
  }

  clear(): void {
    this.entries.length = 0;
  }
}
