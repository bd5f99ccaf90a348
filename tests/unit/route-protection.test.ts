import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/shared/auth/callback-url";
import { acceptsBearerToken, hasBearerToken, isDecodablePath, routeAccess } from "@/lib/shared/auth/route-rules";

describe("which routes need a session", () => {
  it("protects app pages and the API, but not auth endpoints, health, or public pages", () => {
    expect(routeAccess("/dashboard")).toBe("page");
    expect(routeAccess("/settings")).toBe("page");
    expect(routeAccess("/chat/abc")).toBe("page");
    expect(routeAccess("/projects/1/tasks")).toBe("page");
    expect(routeAccess("/dashboards-are-public")).toBe("public");
    expect(routeAccess("/api/v1/conversations")).toBe("api");
    expect(routeAccess("/api/chat/history/1")).toBe("api");
    expect(routeAccess("/api/auth/session")).toBe("public");
    expect(routeAccess("/api/health")).toBe("public");
    // Metrics checks its own token (METRICS_TOKEN), not a session.
    expect(routeAccess("/api/metrics")).toBe("public");
    expect(routeAccess("/")).toBe("public");
    expect(routeAccess("/login")).toBe("auth-page");
  });

  it("gates API paths with dots like any other", () => {
    expect(routeAccess("/api/chat/export.json")).toBe("api");
    expect(routeAccess("/api/v1/openapi.jsonx")).toBe("api");
    expect(routeAccess("/api/v1/openapi")).toBe("api");
  });

  it("serves the API's OpenAPI document and its reference page to anyone", () => {
    expect(routeAccess("/api/v1/openapi.json")).toBe("public");
    expect(routeAccess("/docs/api")).toBe("public");
    // Nothing else under /api/v1 comes with it.
    expect(routeAccess("/api/v1")).toBe("api");
    expect(routeAccess("/api/v1/me")).toBe("api");
    expect(routeAccess("/api/v1/openapi.json.bak")).toBe("api");
  });

  it("lets a Bearer header alone through only to handlers that verify tokens themselves", () => {
    for (const path of ["/api/v1/conversations", "/api/v1/openapi.json", "/api/chat/history/abc", "/api/chat/save"]) {
      expect(acceptsBearerToken(path), path).toBe(true);
    }
    for (const path of ["/api/chat/abc/reply", "/api/chat/saved", "/api/metrics", "/api/v10/x"]) {
      expect(acceptsBearerToken(path), path).toBe(false);
    }
  });

  it("spots malformed percent-encoding", () => {
    expect(isDecodablePath("/chat/%ff")).toBe(false);
    expect(isDecodablePath("/roles/%E0%A4%A")).toBe(false);
    expect(isDecodablePath("/roles/caf%C3%A9")).toBe(true);
  });

  it("recognises bearer tokens", () => {
    expect(hasBearerToken(new Headers({ authorization: "Bearer cc_abc" }))).toBe(true);
    expect(hasBearerToken(new Headers({ authorization: "Basic abc" }))).toBe(false);
    expect(hasBearerToken(new Headers())).toBe(false);
  });
});

describe("callbackUrl after sign-in", () => {
  it("keeps same-origin relative paths with their query", () => {
    expect(safeCallbackUrl("/settings")).toBe("/settings");
    expect(safeCallbackUrl("/chat/123?x=1#m")).toBe("/chat/123?x=1#m");
  });

  it("refuses anything that could leave the site", () => {
    for (const evil of ["https://evil.example", "//evil.example", "/\\evil.example", "\\\\evil.example", "/\t/evil.example", "javascript:alert(1)", "evil", ""]) {
      expect(safeCallbackUrl(evil), evil).toBe("/dashboard");
    }
    expect(safeCallbackUrl({ $gt: "" })).toBe("/dashboard");
    expect(safeCallbackUrl("/login?callbackUrl=/x")).toBe("/dashboard");
  });
});
