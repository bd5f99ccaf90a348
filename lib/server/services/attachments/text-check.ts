/**
 * A text attachment must be UTF-8 without NUL bytes (what a binary file disguised as .txt shows).
 * Checked as the bytes stream past, with the platform's fatal TextDecoder, so nothing is held.
 */
import "server-only";
import { Transform, type TransformCallback } from "node:stream";
import { AppError } from "@/lib/shared/errors";

export function textCheck(name: string): Transform {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const refuse = () => new AppError("unprocessable:attachment_type", `"${name}" is not a UTF-8 text file.`);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        if (chunk.includes(0)) throw refuse();
        decoder.decode(chunk, { stream: true });
        callback(null, chunk);
      } catch (error) {
        callback(error instanceof AppError ? error : refuse());
      }
    },
    flush(callback: TransformCallback) {
      try {
        decoder.decode();
        callback();
      } catch {
        callback(refuse());
      }
    },
  });
}
