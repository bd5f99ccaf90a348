/** Opening change streams in conformance tests: started for sure, closed after each test. */
import type { ChangeStream, ChangeStreamOptions, Document } from "mongodb";
import { afterEach, expect } from "vitest";

export interface Watchable {
  watch(pipeline?: Document[], options?: ChangeStreamOptions): ChangeStream;
}

export interface ChangeStreamHelpers {
  /** A stream whose aggregate has run (watch() is lazy), so later writes are surely in it. */
  watching(target: Watchable, pipeline?: Document[], options?: ChangeStreamOptions): Promise<ChangeStream>;
  /** A stream that may already have events (resuming): not probed first. */
  resumed(target: Watchable, options: ChangeStreamOptions): ChangeStream;
}

export function useChangeStreams(): ChangeStreamHelpers {
  const open: ChangeStream[] = [];
  afterEach(async () => {
    while (open.length) await open.pop()!.close();
  });
  const resumed = (target: Watchable, options: ChangeStreamOptions): ChangeStream => {
    const stream = target.watch([], { maxAwaitTimeMS: 50, ...options });
    open.push(stream);
    return stream;
  };
  return {
    resumed,
    watching: async (target, pipeline = [], options = {}) => {
      const stream = target.watch(pipeline, { maxAwaitTimeMS: 50, ...options });
      open.push(stream);
      expect(await stream.tryNext()).toBeNull();
      return stream;
    },
  };
}

/** The next `n` events (as plain documents: the tests look at fields of every event type). */
export async function take(stream: ChangeStream, n: number): Promise<Document[]> {
  const events: Document[] = [];
  while (events.length < n) events.push(await stream.next());
  return events;
}
