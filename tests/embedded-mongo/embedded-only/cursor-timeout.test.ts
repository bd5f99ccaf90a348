/** Idle cursors are reaped after the server's cursor timeout, as mongod's cursorTimeoutMillis does. */
import { MongoClient } from "mongodb";
import { describe, expect, it } from "vitest";
import { startEmbeddedMongo } from "@/tools/embedded-mongo";
import { isEmbedded, useTestDatabase } from "../../helpers/mongo";
import { expectServerError } from "../support/errors";

useTestDatabase();

describe.runIf(isEmbedded())("idle cursor timeout", () => {
  it("a cursor left idle past the timeout is gone (43 CursorNotFound); one in use is kept", async () => {
    const server = await startEmbeddedMongo({ port: 0, quiet: true, cursorTimeoutMs: 1_000 });
    const client = new MongoClient(server.uri);
    try {
      const items = client.db("app").collection<{ n: number }>("items");
      await items.insertMany(Array.from({ length: 20 }, (_, n) => ({ n })));

      const busy = items.find({}, { batchSize: 2 }).sort({ n: 1 });
      const idle = items.find({}, { batchSize: 2 }).sort({ n: 1 });
      await busy.next();
      await idle.next();
      // One cursor stays busy (a getMore every ~300 ms, well inside the timeout) while the other sits idle for ~1.8 s.
      const seen: number[] = [];
      for (let i = 0; i < 12; i += 1) {
        seen.push((await busy.next())!.n);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

      await idle.next(); // the rest of its first batch, still in the driver's buffer
      await expectServerError(idle.next(), 43);
    } finally {
      await client.close();
      await server.stop();
    }
  });
});
