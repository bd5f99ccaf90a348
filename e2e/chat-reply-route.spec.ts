/**
 * The chat reply route runs without proxy.ts in front (its hottest path; proxy.ts's matcher leaves
 * out a well-formed id): the handler itself must still refuse a signed-out or ended session with
 * 401 problem+json, name one request id in the header and the body, and honour a caller's id.
 * A malformed id still goes through the proxy's gate.
 */
import { expect, signOut, test } from "./fixtures";

const REPLY = "/api/chat/0123456789abcdef01234567/reply";

test("the reply route refuses a signed-out caller with 401 problem+json and one request id", async ({ request }) => {
  const refused = await request.post(REPLY, { data: { mode: "send", text: "hi" } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  const id = refused.headers()["x-request-id"];
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  const body = (await refused.json()) as { status: number; requestId: string; code: string };
  expect(body).toMatchObject({ status: 401, requestId: id, code: "unauthorized" });

  const given = await request.post(REPLY, { headers: { "x-request-id": "lb-trace-87654321" }, data: { mode: "send", text: "hi" } });
  expect(given.headers()["x-request-id"]).toBe("lb-trace-87654321");
  expect(((await given.json()) as { requestId: string }).requestId).toBe("lb-trace-87654321");

  const malformed = await request.post("/api/chat/%E0%A4%A/reply", { data: { mode: "send", text: "hi" } });
  expect(malformed.status()).toBe(400);
  expect(malformed.headers()["content-type"]).toContain("application/problem+json");
});

test("a signed-in caller gets 404 for a conversation that is not theirs; the same cookie after signing out gets 401 at once", async ({ page, user }) => {
  void user; // signed up and signed in
  const notMine = await page.request.post(REPLY, { data: { mode: "send", text: "hi" } });
  expect(notMine.status()).toBe(404);
  expect(notMine.headers()["content-type"]).toContain("application/problem+json");
  // The old cookie is still validly signed; only the session record behind it is gone.
  const cookies = await page.context().cookies();
  await signOut(page);
  await page.context().addCookies(cookies);
  expect((await page.request.post(REPLY, { data: { mode: "send", text: "hi" } })).status()).toBe(401);
});
