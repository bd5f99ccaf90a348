/**
 * Images are re-encoded by sharp on their way into GridFS: that drops EXIF (location, camera) and
 * every other metadata block (sharp keeps none unless asked), applies the EXIF orientation first,
 * refuses images whose header promises more pixels than ATTACHMENT_MAX_PIXELS before decoding
 * them (a decompression bomb), and fails on truncated data. sharp needs the whole compressed
 * image before it decodes, so an image is bounded by the file limit in memory, as a decoder must.
 */
import "server-only";
import { pipeline, type Readable } from "node:stream";
import sharp, { type OutputInfo, type Sharp } from "sharp";
import { AppError } from "@/lib/shared/errors";
import type { AttachmentMime } from "@/lib/shared/attachments/types";

export const THUMBNAIL_SIZE = 320;

/** sharp's errors are strings in English; these tell a bomb from a damaged file. */
function toImageError(error: unknown, name: string): unknown {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return new AppError("unprocessable:attachment_pixels", `"${name}" has too many pixels to open.`, { cause: error });
  return new AppError("unprocessable:attachment_corrupt", `"${name}" is damaged or incomplete.`, { cause: error });
}

function encoder(mime: AttachmentMime, maxPixels: number): Sharp {
  const animated = mime === "image/gif" || mime === "image/webp";
  const image = sharp({ limitInputPixels: maxPixels, failOn: "warning", animated });
  const oriented = animated ? image : image.autoOrient();
  if (mime === "image/jpeg") return oriented.jpeg({ quality: 90 });
  if (mime === "image/png") return oriented.png();
  if (mime === "image/webp") return oriented.webp({ quality: 90 });
  return oriented.gif();
}

export interface ImageStream {
  output: AsyncIterable<Buffer>;
  /** Resolves with the stored image's size once sharp has decoded it. */
  info: Promise<{ width: number; height: number }>;
}

/** The re-encoded image as a stream; errors (too many pixels, damaged) surface while reading it. */
export function reencodeImage(source: Readable, mime: AttachmentMime, maxPixels: number, name: string): ImageStream {
  const transformer = encoder(mime, maxPixels);
  const info = new Promise<{ width: number; height: number }>((resolve) => {
    transformer.once("info", (out: OutputInfo) => resolve({ width: out.width, height: out.pageHeight ?? out.height }));
  });
  const piped = pipeline(source, transformer, () => undefined);
  async function* output(): AsyncIterable<Buffer> {
    try {
      for await (const chunk of piped) yield chunk as Buffer;
    } catch (error) {
      throw toImageError(error, name);
    }
  }
  return { output: output(), info };
}

/** A WebP preview at most THUMBNAIL_SIZE on each side (the first frame of an animation). */
export function thumbnailOf(source: Readable): AsyncIterable<Buffer> {
  const resize = sharp({ failOn: "none" }).resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: "inside", withoutEnlargement: true }).webp({ quality: 80 });
  return pipeline(source, resize, () => undefined);
}
