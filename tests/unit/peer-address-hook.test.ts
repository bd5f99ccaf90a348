import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/server/infra/http/client-address";
import { installPeerAddressHeader } from "@/lib/server/infra/http/peer-address-hook";

let server: Server | undefined;

afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe("installPeerAddressHeader", () => {
  it("stamps the socket address on requests of a server created before it ran, over whatever the client sent", async () => {
    server = createServer((request, response) => response.end(String(request.headers[PEER_ADDRESS_HEADER])));
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    installPeerAddressHeader();
    installPeerAddressHeader(); // idempotent
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" } });
    expect(await response.text()).toBe("127.0.0.1");
  });
});
