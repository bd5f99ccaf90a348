/** MongoDB wire framing: message headers, OP_QUERY / OP_MSG parsing, OP_REPLY / OP_MSG replies. */
import { deserialize, serialize, type Document } from "bson";

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

const FLAG_CHECKSUM_PRESENT = 1;
export const FLAG_MORE_TO_COME = 2;

export interface ParsedMessage {
  requestId: number;
  opCode: number;
  /** The command document; kind-1 document sequences are attached as arrays under their identifier. */
  command: Document;
  /** OP_QUERY's collection name (`admin.$cmd`), for the legacy handshake. */
  legacyNamespace?: string;
  moreToCome: boolean;
}

function readCString(buf: Buffer, offset: number): { value: string; next: number } {
  const end = buf.indexOf(0, offset);
  if (end < 0) throw new Error("unterminated cstring in message");
  return { value: buf.toString("utf8", offset, end), next: end + 1 };
}

function readDocument(buf: Buffer, offset: number): { doc: Document; next: number } {
  const size = buf.readInt32LE(offset);
  const doc = deserialize(buf.subarray(offset, offset + size));
  return { doc, next: offset + size };
}

/** Parses one complete message (header included). */
export function parseMessage(buf: Buffer): ParsedMessage {
  const length = buf.readInt32LE(0);
  const requestId = buf.readInt32LE(4);
  const opCode = buf.readInt32LE(12);
  if (opCode === OP_QUERY) {
    const ns = readCString(buf, 20);
    // skip numberToSkip and numberToReturn
    const { doc } = readDocument(buf, ns.next + 8);
    const command = doc.$query && typeof doc.$query === "object" ? (doc.$query as Document) : doc;
    return { requestId, opCode, command, legacyNamespace: ns.value, moreToCome: false };
  }
  if (opCode !== OP_MSG) throw new Error(`unsupported opCode ${opCode}`);
  const flags = buf.readUInt32LE(16);
  const end = flags & FLAG_CHECKSUM_PRESENT ? length - 4 : length;
  let offset = 20;
  let command: Document | undefined;
  const sequences: Record<string, Document[]> = {};
  while (offset < end) {
    const kind = buf[offset];
    offset += 1;
    if (kind === 0) {
      const read = readDocument(buf, offset);
      command = read.doc;
      offset = read.next;
    } else if (kind === 1) {
      const size = buf.readInt32LE(offset);
      const sectionEnd = offset + size;
      const id = readCString(buf, offset + 4);
      let pos = id.next;
      const docs: Document[] = [];
      while (pos < sectionEnd) {
        const read = readDocument(buf, pos);
        docs.push(read.doc);
        pos = read.next;
      }
      sequences[id.value] = docs;
      offset = sectionEnd;
    } else {
      throw new Error(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!command) throw new Error("OP_MSG without a body section");
  for (const [name, docs] of Object.entries(sequences)) command[name] = docs;
  return { requestId, opCode, command, moreToCome: (flags & FLAG_MORE_TO_COME) !== 0 };
}

let nextRequestId = 1;

function header(length: number, responseTo: number, opCode: number): Buffer {
  const head = Buffer.allocUnsafe(16);
  head.writeInt32LE(length, 0);
  head.writeInt32LE(nextRequestId++ & 0x7fffffff, 4);
  head.writeInt32LE(responseTo, 8);
  head.writeInt32LE(opCode, 12);
  return head;
}

/** OP_MSG reply with a single body section. */
export function encodeMsgReply(responseTo: number, body: Document): Uint8Array[] {
  const doc = serialize(body);
  const prefix = Buffer.allocUnsafe(5);
  prefix.writeUInt32LE(0, 0);
  prefix[4] = 0;
  return [header(16 + 5 + doc.length, responseTo, OP_MSG), prefix, doc];
}

/** OP_REPLY for the legacy OP_QUERY handshake. */
export function encodeLegacyReply(responseTo: number, body: Document): Uint8Array[] {
  const doc = serialize(body);
  const fields = Buffer.alloc(20);
  fields.writeInt32LE(0, 0); // responseFlags
  fields.writeBigInt64LE(0n, 4); // cursorID
  fields.writeInt32LE(0, 12); // startingFrom
  fields.writeInt32LE(1, 16); // numberReturned
  return [header(16 + 20 + doc.length, responseTo, OP_REPLY), fields, doc];
}

/** Splits a byte stream into whole messages. */
export class MessageReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const out: Buffer[] = [];
    for (;;) {
      if (this.buffered < 4) break;
      let head = this.chunks[0]!;
      if (head.length < 4) {
        head = Buffer.concat(this.chunks);
        this.chunks = [head];
      }
      const length = head.readInt32LE(0);
      if (length < 16 || length > 64 * 1024 * 1024) throw new Error(`invalid message length ${length}`);
      if (this.buffered < length) break;
      const all = this.chunks.length === 1 ? head : Buffer.concat(this.chunks);
      out.push(all.subarray(0, length));
      const rest = all.subarray(length);
      this.chunks = rest.length ? [rest] : [];
      this.buffered = rest.length;
    }
    return out;
  }
}
