/**
 * Reads the first bytes of a stream (to decide its type) without losing them: the rest of the
 * stream, those bytes first, comes back as a new stream. Hand-written because it is a few lines
 * around the stream's own async iterator.
 */
import "server-only";
import { Readable } from "node:stream";

export async function peek(source: Readable, bytes: number): Promise<{ head: Buffer; body: Readable }> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const parts: Buffer[] = [];
  let size = 0;
  while (size < bytes) {
    const next = await iterator.next();
    if (next.done) break;
    parts.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(parts);
  async function* rest(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // A reader that stops early (a refused file) ends the source too.
      await iterator.return?.();
    }
  }
  return { head, body: Readable.from(rest(), { objectMode: false }) };
}
