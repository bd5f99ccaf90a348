/**
 * For tests of app modules that reach the database through getDb(): a fresh test database
 * (useTestDatabase), a cheap bcrypt cost, and the app's client closed afterwards.
 */
import { afterAll, beforeAll } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { useTestDatabase, type TestDatabase } from "./mongo";

process.env.TEST_BCRYPT_COST ??= "4";

export function useAppDatabase(): TestDatabase {
  const test = useTestDatabase();
  beforeAll(async () => {
    // useTestDatabase has just pointed MONGODB_URI/MONGODB_DB at this file's database.
    resetEnvCache();
    await getDb();
  });
  afterAll(async () => {
    await closeDb();
  });
  return test;
}
