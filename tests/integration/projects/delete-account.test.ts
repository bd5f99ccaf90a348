import { describe, expect, it } from "vitest";
import { deleteUserData } from "@/lib/server/services/account/delete-account";
import { useAppDatabase } from "../../helpers/app-db";
import { makeUser } from "../chat/fixtures";
import { makeProject } from "./fixtures";

const test = useAppDatabase();

describe("account deletion", () => {
  it("removes the user's projects and tasks made through the real models, and nobody else's", async () => {
    const doomed = await makeUser("doomed");
    const keeper = await makeUser("keeper");
    await makeProject(doomed.owner);
    await makeProject(doomed.owner);
    await makeProject(keeper.owner);

    const counts = await deleteUserData(doomed.user.id);

    expect(counts).toMatchObject({ projects: 2, tasks: 6 });
    const db = test.db();
    expect(await db.collection("projects").countDocuments({ userId: doomed.owner })).toBe(0);
    expect(await db.collection("tasks").countDocuments({ userId: doomed.owner })).toBe(0);
    expect(await db.collection("projects").countDocuments({ userId: keeper.owner })).toBe(1);
    expect(await db.collection("tasks").countDocuments({ userId: keeper.owner })).toBe(3);
  });
});
