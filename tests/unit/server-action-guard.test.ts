import { describe, expect, it } from "vitest";
import {
  foreignOriginReason,
  isPossibleServerAction,
  undecodableActionBodyReason,
  undecodableReplyReason,
} from "@/lib/server/infra/http/server-action-guard";

const text = (body: string) => undecodableReplyReason((name) => (name === "0" ? body : null));

describe("foreignOriginReason mirrors Next.js's server-action CSRF check", () => {
  const headers = (entries: Record<string, string>) => new Headers({ host: "app.example:3000", ...entries });
  it("passes the app's own origin, a missing origin and allowed origins", () => {
    expect(foreignOriginReason(headers({ origin: "http://app.example:3000" }))).toBeNull();
    expect(foreignOriginReason(headers({}))).toBeNull();
    expect(foreignOriginReason(headers({ origin: "https://a.trusted.example" }), ["*.trusted.example"])).toBeNull();
  });
  it("reads x-forwarded-host first, as Next.js does", () => {
    expect(foreignOriginReason(headers({ origin: "https://public.example", "x-forwarded-host": "public.example, inner" }))).toBeNull();
    expect(foreignOriginReason(headers({ origin: "http://app.example:3000", "x-forwarded-host": "public.example" }))).not.toBeNull();
  });
  it("refuses foreign, null and malformed origins", () => {
    expect(foreignOriginReason(headers({ origin: "https://evil.example" }))).not.toBeNull();
    expect(foreignOriginReason(headers({ origin: "null" }))).not.toBeNull();
    expect(foreignOriginReason(headers({ origin: "not a url" }))).not.toBeNull();
    expect(foreignOriginReason(headers({ origin: "http://app.example:3001" }))).not.toBeNull();
  });
});

describe("isPossibleServerAction", () => {
  const post = (headers: Record<string, string>) => new Request("http://x/login", { method: "POST", headers });
  it("is a POST with Next-Action, or a multipart POST to a page", () => {
    expect(isPossibleServerAction(post({ "next-action": "abc" }), "/login")).toBe(true);
    expect(isPossibleServerAction(post({ "content-type": "multipart/form-data; boundary=x" }), "/login")).toBe(true);
    expect(isPossibleServerAction(post({ "content-type": "multipart/form-data; boundary=x" }), "/api/v1/roles")).toBe(false);
    expect(isPossibleServerAction(post({ "content-type": "application/json" }), "/login")).toBe(false);
    expect(isPossibleServerAction(new Request("http://x/login", { headers: { "next-action": "abc" } }), "/login")).toBe(false);
  });
});

describe("undecodableReplyReason", () => {
  it("accepts what React's encodeReply sends", () => {
    for (const body of [
      '[{"status":"idle"},{"identifier":"a","password":"b"}]',
      '["$$escaped","$undefined","$NaN","$Infinity","$-Infinity","$-0","$D2026-01-01T00:00:00.000Z","$n123","$T"]',
      '[{"a":{"b":1}},"$0:0:a"]',
      "[]",
    ]) {
      expect(text(body), body).toBeNull();
    }
    const rows: Record<string, string> = { "0": '[{"status":"idle"},"$K1","$Q2","$W3","$@4"]', "2": '[["k","v"]]', "3": "[1]", "4": '"x"' };
    expect(undecodableReplyReason((name) => rows[name] ?? null)).toBeNull();
  });
  it("refuses non-JSON, missing rows, bad shapes, cycles and arguments no action takes", () => {
    for (const body of ["", "not json", '"plain"', "null", '{"0":1}', '"$T"', '"$Q0"', '["$Q0"]', '["$1"]', '["$@1"]', '["$h0"]', '["$nabc"]', '["$Z"]', '["$"]', '{"a":"$0"}', '["$0:nope"]', '["$A1"]', '["$R1"]']) {
      expect(text(body), body).not.toBeNull();
    }
    const cycle: Record<string, string> = { "0": '["$1"]', "1": '["$1"]' };
    expect(undecodableReplyReason((name) => cycle[name] ?? null)).not.toBeNull();
    const badMap: Record<string, string> = { "0": '["$Q1"]', "1": "{}" };
    expect(undecodableReplyReason((name) => badMap[name] ?? null)).not.toBeNull();
    expect(text("[".repeat(2000) + "]".repeat(2000))).not.toBeNull();
  });
});

describe("undecodableActionBodyReason", () => {
  const action = (body: BodyInit, type?: string) =>
    new Request("http://x/login", { method: "POST", headers: { "next-action": "abc", ...(type ? { "content-type": type } : {}) }, body });
  it("reads a clone: the body is still there for Next.js", async () => {
    const request = action("[1]", "text/plain");
    expect(await undecodableActionBodyReason(request)).toBeNull();
    expect(await request.text()).toBe("[1]");
  });
  it("checks multipart replies row by row", async () => {
    const good = new FormData();
    good.append("0", '["$K1"]');
    good.append("_1_name", "x");
    expect(await undecodableActionBodyReason(action(good))).toBeNull();
    const bad = new FormData();
    bad.append("0", '["$2"]');
    expect(await undecodableActionBodyReason(action(bad))).not.toBeNull();
    expect(await undecodableActionBodyReason(action("--x\r\nbroken", "multipart/form-data; boundary=x"))).not.toBeNull();
  });
  it("wants referenced rows and files before the row that refers to them, and no stream rows", async () => {
    const form = (...entries: [string, string | Blob][]) => {
      const data = new FormData();
      for (const [name, value] of entries) data.append(name, value);
      return data;
    };
    expect(await undecodableActionBodyReason(action(form(["1", "[1]"], ["0", '["$W1"]'])))).toBeNull();
    expect(await undecodableActionBodyReason(action(form(["0", '["$W1"]'], ["1", "[1]"])))).not.toBeNull();
    expect(await undecodableActionBodyReason(action(form(["1", new Blob(["x"])], ["0", '["$B1"]'])))).toBeNull();
    expect(await undecodableActionBodyReason(action(form(["0", '["$B1"]'], ["1", new Blob(["x"])])))).not.toBeNull();
    expect(await undecodableActionBodyReason(action(form(["S0", "[]"], ["0", "[]"])))).not.toBeNull();
  });
});
