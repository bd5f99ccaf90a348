import { describe, expect, it } from "vitest";
import { keyBetween, keysAfter } from "@/lib/server/services/projects/order-keys";

function sorted(keys: string[]): string[] {
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

describe("order keys", () => {
  it("gives a new column increasing, distinct keys", () => {
    const keys = keysAfter(null, 500);
    expect(new Set(keys).size).toBe(500);
    expect(sorted(keys)).toEqual(keys);
  });

  it("appends after the last key", () => {
    const [first = ""] = keysAfter(null, 1);
    const [next = ""] = keysAfter(first, 1);
    expect(next > first).toBe(true);
  });

  it("puts a key strictly between two neighbours, and at either open end", () => {
    const [a = "", b = ""] = keysAfter(null, 2);
    const middle = keyBetween(a, b);
    expect(middle > a && middle < b).toBe(true);
    expect(keyBetween(null, a) < a).toBe(true);
    expect(keyBetween(b, null) > b).toBe(true);
  });

  it("keeps a column's order and uniqueness through many moves (no collisions)", () => {
    // Simulates the board: a list of keys; each move takes a task out and drops it between two others.
    let column = keysAfter(null, 20).map((key, index) => ({ id: index, key }));
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let move = 0; move < 2000; move += 1) {
      const [moved] = column.splice(random(column.length), 1);
      const at = random(column.length + 1);
      const before = column[at - 1]?.key ?? null;
      const after = column[at]?.key ?? null;
      column.splice(at, 0, { id: moved!.id, key: keyBetween(before, after) });
      column = [...column];
    }
    const keys = column.map((task) => task.key);
    expect(new Set(keys).size).toBe(20);
    expect(sorted(keys)).toEqual(keys);
  });

  it("repeatedly inserting at the same gap still yields distinct ordered keys", () => {
    const [low = "", high = ""] = keysAfter(null, 2);
    let upper = high;
    const inserted: string[] = [];
    for (let i = 0; i < 300; i += 1) {
      upper = keyBetween(low, upper);
      inserted.push(upper);
    }
    expect(new Set(inserted).size).toBe(300);
    expect(inserted.every((key) => key > low && key < high)).toBe(true);
  });

  it("never fails on colliding or out-of-order neighbours (two tabs moving at once)", () => {
    const [a = "", b = ""] = keysAfter(null, 2);
    expect(keyBetween(a, a) > a).toBe(true);
    expect(keyBetween(b, a) > b).toBe(true);
  });
});
