/**
 * A model's collection is usable without start-up having run: its first use creates the
 * validator and indexes (once), so scripts and cold serverless functions get the same guarantees.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/server/infra/db/client";
import { modelCollection } from "@/lib/server/infra/db/collection";
import { resetEnvCache } from "@/lib/server/infra/env";
import { usersModel, type UserDoc } from "@/models/users";
import { useTestDatabase } from "../helpers/mongo";

const test = useTestDatabase();
beforeAll(() => resetEnvCache());
afterAll(() => closeDb());

describe("modelCollection", () => {
  it("ensures the model's indexes and validator on first use, and only once", async () => {
    expect(await test.db().listCollections({ name: "users" }).toArray()).toEqual([]);

    const users = await modelCollection<UserDoc>(usersModel);
    const names = (await users.indexes()).map((index) => index.name);
    expect(names).toEqual(expect.arrayContaining(["username_unique", "email_unique"]));
    await expect(users.insertOne({ username: "NOT VALID" } as unknown as UserDoc)).rejects.toMatchObject({ code: 121 });

    // A second use must not redo the work: an index dropped meanwhile stays dropped.
    await test.db().collection("users").dropIndex("email_unique");
    const again = await modelCollection<UserDoc>(usersModel);
    expect((await again.indexes()).map((index) => index.name)).not.toContain("email_unique");
  });
});
