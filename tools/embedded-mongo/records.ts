/**
 * Record framing shared by the log and the snapshot: [u32 body length][u32 crc32(body)][BSON body].
 * Reading stops at the first short, oversized or checksum-failing record (a torn tail).
 */
import { crc32 } from "node:zlib";
import { deserialize, serialize, type Document } from "bson";

const HEADER = 8;
const MAX_RECORD = 256 * 1024 * 1024;

export function encodeRecord(body: Document): Buffer {
  const bson = serialize(body);
  const head = Buffer.allocUnsafe(HEADER);
  head.writeUInt32LE(bson.length, 0);
  head.writeUInt32LE(crc32(bson), 4);
  return Buffer.concat([head, bson]);
}

export interface ReadResult {
  records: Document[];
  /** Byte offset just past the last good record (where a torn tail starts). */
  goodLength: number;
}

export function readRecords(buf: Buffer, onRecord?: (record: Document) => void): ReadResult {
  const records: Document[] = [];
  let offset = 0;
  while (offset + HEADER <= buf.length) {
    const length = buf.readUInt32LE(offset);
    const sum = buf.readUInt32LE(offset + 4);
    if (length < 5 || length > MAX_RECORD || offset + HEADER + length > buf.length) break;
    const body = buf.subarray(offset + HEADER, offset + HEADER + length);
    if (crc32(body) !== sum) break;
    let record: Document;
    try {
      record = deserialize(body);
    } catch {
      break;
    }
    if (onRecord) onRecord(record);
    else records.push(record);
    offset += HEADER + length;
  }
  return { records, goodLength: offset };
}
