import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import { registerSchema } from "@/lib/shared/auth/schemas";
import {
  createSession,
  deleteOtherSessions,
  deleteSession,
  findLiveSession,
  findLiveSessionOwner,
  listSessions,
  SESSION_IDLE_MS,
  SESSION_TOUCH_INTERVAL_MS,
} from "@/models/sessions";
import { deleteUserData } from "@/lib/server/services/account/delete-account";
import { createUser } from "@/models/users";
import { useAppDatabase } from "../../helpers/app-db";

const test = useAppDatabase();
let counter = 0;

async function newUser() {
  counter += 1;
  const user = await createUser(registerSchema.parse({ username: `sess_${counter}`, email: `sess_${counter}@example.com`, password: "password-1" }));
  return { user, owner: new ObjectId(user.id) };
}

describe("server-side sessions", () => {
  it("finds a live session with its account, only for the user it belongs to, and stores only a coarse device", async () => {
    const { user, owner } = await newUser();
    const id = await createSession(owner, "Chrome on Linux");
    const live = await findLiveSession(id, user.id);
    expect(live?.user).toMatchObject({ id: user.id, username: user.username });
    expect(live?.session).toMatchObject({ id, device: "Chrome on Linux" });
    expect(await findLiveSession("x".repeat(43), user.id)).toBeNull();
    // A session presented with another user's id is not theirs.
    const other = await newUser();
    expect(await findLiveSession(id, other.user.id)).toBeNull();
    const indexes = await test.db().collection("sessions").listIndexes().toArray();
    expect(indexes.find((index) => index.name === "expiresAt_ttl")?.expireAfterSeconds).toBe(0);
  });

  it("slides: activity pushes expiry forward, coarsely; an idle session ends", async () => {
    const { user, owner } = await newUser();
    const start = new Date("2031-03-01T00:00:00Z");
    const id = await createSession(owner, "Firefox on Windows", start);
    const stored = () => test.db().collection("sessions").findOne({ _id: id as never });

    // Within the touch interval: no write.
    await findLiveSession(id, user.id, new Date(start.getTime() + SESSION_TOUCH_INTERVAL_MS / 2));
    expect((await stored())?.lastSeenAt).toEqual(start);
    // Active 29 days later: still live, and expiry moves to 30 days from now.
    const later = new Date(start.getTime() + SESSION_IDLE_MS - 24 * 60 * 60 * 1000);
    expect(await findLiveSession(id, user.id, later)).not.toBeNull();
    expect((await stored())?.expiresAt).toEqual(new Date(later.getTime() + SESSION_IDLE_MS));
    // Idle past the window: gone even before the TTL monitor removes it.
    expect(await findLiveSession(id, user.id, new Date(later.getTime() + SESSION_IDLE_MS + 1000))).toBeNull();
  });

  it("ends one session, or all but one, only for their owner; a deleted account's session is dead", async () => {
    const { user, owner } = await newUser();
    const other = await newUser();
    const [a, b, c] = [await createSession(owner, "A"), await createSession(owner, "B"), await createSession(owner, "C")];
    const theirs = await createSession(other.owner, "Theirs");

    expect(await deleteSession(owner, theirs)).toBe(false);
    expect(await deleteSession(owner, a)).toBe(true);
    expect(await findLiveSession(a, user.id)).toBeNull();
    expect(await deleteOtherSessions(owner, b)).toBe(1);
    expect((await listSessions(owner)).map((session) => session.id)).toEqual([b]);
    expect(await findLiveSession(c, user.id)).toBeNull();
    expect(await findLiveSession(theirs, other.user.id)).not.toBeNull();

    await test.db().collection("users").deleteOne({ _id: other.owner });
    expect(await findLiveSession(theirs, other.user.id)).toBeNull();
  });

  it("answers the owner of a live session in one read, and nobody once it ended, expired, is someone else's or its account was deleted", async () => {
    const { user, owner } = await newUser();
    const start = new Date("2032-05-01T00:00:00Z");
    const id = await createSession(owner, "Safari on iOS", start);
    const soon = new Date(start.getTime() + 1000);
    expect((await findLiveSessionOwner(id, user.id, soon))?.equals(owner)).toBe(true);
    const other = await newUser();
    expect(await findLiveSessionOwner(id, other.user.id, soon)).toBeNull();
    expect(await findLiveSessionOwner("x".repeat(43), user.id, soon)).toBeNull();
    expect(await findLiveSessionOwner(id, user.id, new Date(start.getTime() + SESSION_IDLE_MS + 1000))).toBeNull();
    // It slides like findLiveSession.
    const later = new Date(start.getTime() + SESSION_TOUCH_INTERVAL_MS + 1000);
    await findLiveSessionOwner(id, user.id, later);
    expect((await test.db().collection("sessions").findOne({ _id: id as never }))?.expiresAt).toEqual(new Date(later.getTime() + SESSION_IDLE_MS));
    // Signing out, and deleting the account (which takes its sessions with it), end it at once.
    const second = await createSession(owner, "Second");
    expect(await deleteSession(owner, id)).toBe(true);
    expect(await findLiveSessionOwner(id, user.id)).toBeNull();
    expect((await findLiveSessionOwner(second, user.id))?.equals(owner)).toBe(true);
    await deleteUserData(user.id);
    expect(await findLiveSessionOwner(second, user.id)).toBeNull();
  });
});
