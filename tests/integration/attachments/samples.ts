/**
 * Files for the attachment tests, made here rather than checked in: real images from sharp (one
 * with GPS EXIF), a real PDF from pdf-lib, and hostile ones built byte by byte — a truncated PNG,
 * a PNG header promising 100,000 × 100,000 pixels over a few bytes of data (a decompression
 * bomb), a PDF with a broken signature.
 */
import { crc32, deflateSync } from "node:zlib";
import { Readable } from "node:stream";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";

export async function pngBytes(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } }).png().toBuffer();
}

/** A JPEG carrying EXIF with GPS coordinates (what a phone photo has). */
export async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 120, b: 200 } } })
    .jpeg()
    .withExif({ IFD0: { Make: "PhoneMaker", Model: "Phone 1" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" } })
    .toBuffer();
}

export async function pdfBytes(pages = 3): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1) pdf.addPage([200, 200]).drawText(`Page ${i + 1}`, { x: 20, y: 100 });
  return Buffer.from(await pdf.save());
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid-looking PNG whose header claims width × height pixels, with one tiny compressed row. */
export function pngBomb(width = 100_000, height = 100_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk("IHDR", header), pngChunk("IDAT", deflateSync(Buffer.alloc(1024))), pngChunk("IEND", Buffer.alloc(0))]);
}

/** `size` bytes of text (for the size limit: text has no signature, so nothing else refuses it first). */
export function textOfSize(size: number): Buffer {
  return Buffer.alloc(size, "a");
}

/** A stream of `buffer` in 64 KB pieces (what a request body looks like). */
export function streamOf(buffer: Buffer): Readable {
  const pieces: Buffer[] = [];
  for (let at = 0; at < buffer.length; at += 65_536) pieces.push(buffer.subarray(at, at + 65_536));
  return Readable.from(pieces, { objectMode: false });
}

/** Sends `head`, then nothing ever again (a slow-loris sender): the stream stays open. */
export function stalledStream(head: Buffer): Readable {
  const stream = new Readable({ read() {} });
  stream.push(head);
  return stream;
}
