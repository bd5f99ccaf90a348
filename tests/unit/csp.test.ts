import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, SONNER_STYLE_HASHES } from "@/lib/server/infra/http/csp";

function sha256(text: string): string {
  return `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
}

describe("content security policy", () => {
  it("allows scripts only by nonce (with strict-dynamic) and no eval in production", () => {
    const policy = contentSecurityPolicy("abc123", { dev: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toMatch(/style-src 'self' 'nonce-abc123' 'sha256-/);
    expect(policy).not.toMatch(/style-src [^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
  });

  it("pins the hash of the stylesheet the installed sonner injects (an upgrade must update it)", () => {
    const source = readFileSync("node_modules/sonner/dist/index.mjs", "utf8");
    const literal = /__insertCSS\("((?:[^"\\]|\\.)*)"\)/.exec(source)?.[1];
    expect(literal).toBeDefined();
    const css = JSON.parse(`"${literal}"`) as string;
    expect(SONNER_STYLE_HASHES).toContain(sha256(css));
    expect(SONNER_STYLE_HASHES).toContain(sha256(""));
  });
});
