/**
 * A pull reader over a JSON byte stream, token by token (stream-json's parser), so an export of
 * any size is read one value at a time: `value()` assembles one element (one conversation) and
 * `skip()` passes over a section we do not import without building it. Parse failures become the
 * import's own errors: a file that ends part-way is "truncated", anything else "malformed".
 */
import "server-only";
import { pipeline, Transform, type Readable, type TransformCallback } from "node:stream";
import Assembler from "stream-json/assembler.js";
import parser, { type Token } from "stream-json/parser.js";
import { AppError } from "@/lib/shared/errors";

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const OPENING = new Set([0x5b /* [ */, 0x7b /* { */]);
const CLOSING = new Set([0x5d /* ] */, 0x7d /* } */]);

/** Counts the bytes handed to the parser and remembers the first and last that are not whitespace. */
class ByteWatch extends Transform {
  bytes = 0;
  firstByte = -1;
  lastByte = -1;
  ended = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.firstByte < 0) this.firstByte = chunk.find((byte) => !WHITESPACE.has(byte)) ?? -1;
    for (let i = chunk.length - 1; i >= 0; i -= 1) {
      if (!WHITESPACE.has(chunk[i]!)) {
        this.lastByte = chunk[i]!;
        break;
      }
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.ended = true;
    callback();
  }
}

export class JsonTokens {
  private readonly watch = new ByteWatch();
  private readonly tokens: AsyncIterator<Token>;

  constructor(source: Readable) {
    const parse = parser.asStream({ packValues: true, streamValues: false, jsonStreaming: true });
    pipeline(source, this.watch, parse, () => undefined);
    this.tokens = (parse as AsyncIterable<Token>)[Symbol.asyncIterator]();
  }

  /** Bytes read so far (for the progress bar). */
  get bytesRead(): number {
    return this.watch.bytes;
  }

  /** The next token, or null at the end of the input. */
  async next(): Promise<Token | null> {
    let step: IteratorResult<Token>;
    try {
      step = await this.tokens.next();
    } catch (error) {
      throw this.explain(error);
    }
    if (step.done) return null;
    return step.value;
  }

  /** The next token, which must exist: an input that stops here was cut off. */
  async expect(): Promise<Token> {
    const token = await this.next();
    if (!token) throw new AppError("unprocessable:import_truncated");
    return token;
  }

  /** Builds the value that starts with `first` (and `read`, tokens already taken): one element, held in memory on its own. */
  async value(first: Token, ...read: Token[]): Promise<unknown> {
    const assembler = new Assembler();
    for (const token of [first, ...read]) assembler.consume(token);
    while (!assembler.done) assembler.consume(await this.expect());
    return assembler.current;
  }

  /** Passes over the value that starts with `first` without building it. */
  async skip(first: Token): Promise<void> {
    let depth = opens(first);
    while (depth > 0) depth += opens(await this.expect());
  }

  /**
   * A stream error in our words: input that does not start like a JSON document is not an export
   * at all (a zip, an image); one that ends inside a value was cut off; the rest is malformed.
   */
  private explain(error: unknown): unknown {
    if (error instanceof AppError) return error;
    if (!OPENING.has(this.watch.firstByte)) return new AppError("unprocessable:import_format", undefined, { cause: error });
    const cutOff = this.watch.ended && !CLOSING.has(this.watch.lastByte);
    return new AppError(cutOff ? "unprocessable:import_truncated" : "unprocessable:import_malformed", undefined, { cause: error });
  }
}

function opens(token: Token): number {
  if (token.name === "startObject" || token.name === "startArray") return 1;
  if (token.name === "endObject" || token.name === "endArray") return -1;
  return 0;
}
