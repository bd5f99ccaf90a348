/**
 * Text search languages. mongod knows 15 languages (and their two-letter codes) plus "none"; this
 * server has mongod's stop-word list for English only, so it runs "english" and "none" and refuses
 * the others loudly instead of indexing them without their stop words.
 */
import { MongoError } from "../errors";

export type TextLanguage = "english" | "none";

/** mongod's language names and codes (docs: "Text Search Languages"), by canonical name. */
const MONGOD_LANGUAGES: Record<string, string> = {
  da: "danish", nl: "dutch", en: "english", fi: "finnish", fr: "french", de: "german", hu: "hungarian", it: "italian",
  nb: "norwegian", pt: "portuguese", ro: "romanian", ru: "russian", es: "spanish", sv: "swedish", tr: "turkish",
};
const KNOWN = new Set([...Object.values(MONGOD_LANGUAGES), "none"]);

/** The canonical language for a name or code, or undefined when mongod does not know it. */
export function canonicalLanguage(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (KNOWN.has(lower)) return lower;
  return MONGOD_LANGUAGES[lower];
}

/** A language mongod knows but this server cannot run is refused with code 115, never approximated. */
export function runnableLanguage(canonical: string): TextLanguage {
  if (canonical === "english" || canonical === "none") return canonical;
  throw new MongoError(115, `text search language "${canonical}" is not supported by the embedded development server (only english and none)`);
}
