import { describe, expect, it } from "vitest";
import { clientAddress, PEER_ADDRESS_HEADER } from "@/lib/server/infra/http/client-address";
import { deviceName } from "@/lib/server/services/auth/device-name";

const headers = (values: Record<string, string>) => new Headers(values);
const direct = { trustedProxyHops: 0, onVercel: false };

describe("clientAddress", () => {
  it("uses the socket address and ignores forwarding headers when no proxy is trusted", () => {
    const request = headers({ [PEER_ADDRESS_HEADER]: "::ffff:203.0.113.7", "x-forwarded-for": "1.1.1.1", "x-real-ip": "2.2.2.2" });
    expect(clientAddress(request, direct)).toBe("203.0.113.7");
    expect(clientAddress(headers({ "x-forwarded-for": "1.1.1.1" }), direct)).toBe("unknown");
  });

  it("with N trusted proxies takes the N-th address from the right, whatever the client prepended", () => {
    const request = headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.1" });
    expect(clientAddress(request, { trustedProxyHops: 1, onVercel: false })).toBe("10.0.0.1");
    expect(clientAddress(request, { trustedProxyHops: 2, onVercel: false })).toBe("198.51.100.4");
    // Fewer entries than hops: the leftmost is the best we have.
    expect(clientAddress(headers({ "x-forwarded-for": "198.51.100.4" }), { trustedProxyHops: 3, onVercel: false })).toBe("198.51.100.4");
  });

  it("on Vercel uses the platform's header", () => {
    const request = headers({ "x-vercel-forwarded-for": "198.51.100.9", "x-forwarded-for": "198.51.100.9" });
    expect(clientAddress(request, { trustedProxyHops: 0, onVercel: true })).toBe("198.51.100.9");
  });
});

describe("deviceName", () => {
  it("names browser and system coarsely", () => {
    expect(deviceName("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36")).toBe("Chrome on Linux");
    expect(deviceName("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1")).toBe("Safari on iOS");
    expect(deviceName("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0")).toBe("Firefox on Windows");
    expect(deviceName("curl/8.5.0")).toBe("A script");
    expect(deviceName(undefined)).toBe("Unknown device");
  });
});
