/**
 * The `db:export` / `db:import` format, version 1 (docs/backup.md describes it for people):
 * a folder with one `<collection>.ndjson` per collection — canonical Extended JSON v2, one
 * document per line, readable by `mongoimport` too — and `manifest.json`, written last, naming
 * each collection's file, document count, creation options (validator…) and indexes. A folder
 * without a manifest is an export that did not finish, and import refuses it.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { EJSON, type Document } from "bson";
import { z } from "zod";

export const ARCHIVE_FORMAT = "chatcraft-db-export";
export const ARCHIVE_VERSION = 1;
export const MANIFEST_FILE = "manifest.json";

/** BSON values inside options and index specs are kept as canonical Extended JSON objects. */
const ejsonObject = z.record(z.string(), z.unknown());

const collectionEntry = z.object({
  name: z.string().min(1),
  file: z.string().regex(/^[^/\\]+\.ndjson$/, "must be a file name in the export folder"),
  documents: z.number().int().nonnegative(),
  options: ejsonObject,
  indexes: z.array(ejsonObject.and(z.object({ name: z.string().min(1), key: ejsonObject }))),
});

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  database: z.string(),
  exportedAt: z.iso.datetime(),
  collections: z.array(collectionEntry),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestCollection = z.infer<typeof collectionEntry>;

/** Collection names may hold characters a file name cannot (`/` is legal in MongoDB). */
export function fileFor(collection: string): string {
  return `${encodeURIComponent(collection)}.ndjson`;
}

export function toEjsonObject(value: Document): Record<string, unknown> {
  return EJSON.serialize(value, { relaxed: false }) as Record<string, unknown>;
}

export function fromEjsonObject(value: Record<string, unknown>): Document {
  return EJSON.deserialize(value, { relaxed: false }) as Document;
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

export async function readManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), "utf8");
  } catch {
    throw new Error(`${join(dir, MANIFEST_FILE)} not found: not a db:export folder, or the export did not finish.`);
  }
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`${MANIFEST_FILE} is not a version-${ARCHIVE_VERSION} ${ARCHIVE_FORMAT} manifest: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
