import { NextResponse } from "next/server";
import { describe, expect, it } from "vitest";
import { withRequestId } from "@/lib/server/infra/request-context";

const request = (headers: Record<string, string> = {}) =>
  new Request("http://localhost/dashboard", { headers: { cookie: "authjs.session-token=abc", accept: "text/html", ...headers } });

describe("withRequestId (proxy.ts)", () => {
  it("gives a request going on to a route the same id it echoes to the client, keeping every other header", async () => {
    const proxy = withRequestId(() => NextResponse.next());
    const response = await proxy(request());
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("x-middleware-request-x-request-id")).toBe(id);
    // The override list replaces the request's headers, so the cookie must still be on it.
    expect(response.headers.get("x-middleware-override-headers")?.split(",")).toEqual(expect.arrayContaining(["cookie", "accept", "x-request-id"]));
    expect(response.headers.get("x-middleware-request-cookie")).toBe("authjs.session-token=abc");
  });

  it("adds to headers the proxy already overrides instead of replacing them", async () => {
    const proxy = withRequestId(() => NextResponse.next({ request: { headers: new Headers({ "x-client-ip": "203.0.113.9" }) } }));
    const response = await proxy(request());
    expect(response.headers.get("x-middleware-override-headers")).toBe("x-client-ip,x-request-id");
    expect(response.headers.get("x-middleware-request-x-client-ip")).toBe("203.0.113.9");
  });

  it("keeps a sane id the caller sent and replaces one that is not", async () => {
    const proxy = withRequestId(() => NextResponse.next());
    expect((await proxy(request({ "x-request-id": "lb-1234abcd" }))).headers.get("x-request-id")).toBe("lb-1234abcd");
    expect((await proxy(request({ "x-request-id": "<script>" }))).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("echoes the id on responses the proxy answers itself, without forwarding anything", async () => {
    const proxy = withRequestId(() => NextResponse.redirect("http://localhost/login"));
    const response = await proxy(request());
    expect(response.status).toBe(307);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.has("x-middleware-override-headers")).toBe(false);
  });
});
