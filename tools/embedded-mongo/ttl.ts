/** TTL monitor: deletes documents whose indexed date is older than expireAfterSeconds. */
import { pathValues } from "./doc-paths";
import type { Store } from "./store";

export function sweepExpired(store: Store, now = Date.now()): number {
  let removed = 0;
  for (const colls of store.databases.values()) {
    for (const coll of colls.values()) {
      for (const index of coll.indexes.values()) {
        const seconds = index.spec.expireAfterSeconds;
        if (typeof seconds !== "number" || index.fields.length !== 1) continue;
        const cutoff = now - seconds * 1000;
        const expired = [];
        for (const doc of coll.docs.values()) {
          // An array of dates expires at its earliest date; non-dates never expire.
          let earliest = Infinity;
          for (const value of pathValues(doc, index.fields[0]!).values) {
            for (const v of Array.isArray(value) ? value : [value]) if (v instanceof Date) earliest = Math.min(earliest, v.getTime());
          }
          if (earliest <= cutoff) expired.push(doc);
        }
        for (const doc of expired) coll.remove(doc);
        removed += expired.length;
      }
    }
  }
  return removed;
}
