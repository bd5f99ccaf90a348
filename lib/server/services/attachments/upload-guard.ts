/**
 * Bounds an upload while it streams: more than `maxBytes` fails it at once (nothing past the limit
 * is read, let alone stored), and so does a sender that goes quiet for `idleMs` (a slow-loris
 * upload holding a connection and a GridFS write open). Written by hand: it is a byte counter and
 * a timer, and the multipart parser's own limits cannot see a stalled socket.
 */
import "server-only";
import { Transform, type TransformCallback } from "node:stream";
import { AppError } from "@/lib/shared/errors";

export interface GuardOptions {
  maxBytes: number;
  idleMs: number;
  /** The error for a body over maxBytes (which limit it was decides the message). */
  tooLarge: () => AppError;
}

export class UploadGuard extends Transform {
  bytes = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: GuardOptions) {
    super();
    this.arm();
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.destroy(new AppError("invalid:attachment_stalled", `The upload sent nothing for ${Math.round(this.options.idleMs / 1000)} seconds and was stopped.`)), this.options.idleMs);
    this.timer.unref();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.options.maxBytes) {
      clearTimeout(this.timer);
      callback(this.options.tooLarge());
      return;
    }
    this.arm();
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    clearTimeout(this.timer);
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    clearTimeout(this.timer);
    callback(error);
  }
}
