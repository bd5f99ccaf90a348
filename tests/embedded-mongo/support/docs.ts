import type { ObjectId } from "mongodb";

/** The `_id` values conformance tests use (a concrete union keeps the driver's id typing usable). */
export type TestId = string | number | boolean | ObjectId | Date | { [field: string]: unknown };

/**
 * A document shape loose enough for conformance tests, which deliberately mix value types in one
 * field. `any` is on purpose: these tests assert what the server returns, not the app's types.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDoc = { _id?: TestId; [field: string]: any };
