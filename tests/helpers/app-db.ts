/**
 * For tests of app modules that reach the database through the app's client: a fresh test database
 * (useTestDatabase), a cheap bcrypt cost, and the app's client closed afterwards.
 */
import { afterAll, beforeAll } from "vitest";
import { closeDb } from "@/lib/server/infra/db/client";
import { resetEnvCache } from "@/lib/server/infra/env";
import { ensureAllModels } from "@/models";
import { useTestDatabase, type TestDatabase } from "./mongo";

process.env.TEST_BCRYPT_COST ??= "4";

export function useAppDatabase(): TestDatabase {
  const test = useTestDatabase();
  beforeAll(async () => {
    // useTestDatabase has just pointed MONGODB_URI/MONGODB_DB at this file's database.
    resetEnvCache();
    await ensureAllModels();
  });
  afterAll(async () => {
    await closeDb();
  });
  return test;
}
