/**
 * The server is a single-node replica set primary: hello says so, replies carry the cluster time,
 * and the driver connects with or without `replicaSet=` / `directConnection=` in the URI.
 */
import { MongoClient, Timestamp } from "mongodb";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";

const t = useTestDatabase();

/** The URI with extra query options, whatever options it already has. */
function withOptions(uri: string, options: string): string {
  return `${uri}${uri.includes("?") ? "&" : uri.endsWith("/") ? "?" : "/?"}${options}`;
}

describe("replica set primary", () => {
  it("presents a writable primary of a named set whose members list holds itself", async () => {
    const hello = await t.db().admin().command({ hello: 1 });
    expect(typeof hello.setName).toBe("string");
    expect(hello.isWritablePrimary).toBe(true);
    expect(hello.secondary).toBe(false);
    expect(hello.hosts).toContain(hello.me);
    expect(hello.primary).toBe(hello.me);
    expect(hello.logicalSessionTimeoutMinutes).toBeGreaterThan(0);
  });

  it("puts $clusterTime and operationTime on replies, moving forward with each write", async () => {
    const db = t.db();
    const first = await db.command({ insert: "clock", documents: [{ _id: 1 }] });
    const second = await db.command({ insert: "clock", documents: [{ _id: 2 }] });
    expect(first.operationTime).toBeInstanceOf(Timestamp);
    expect(first.$clusterTime.clusterTime).toBeInstanceOf(Timestamp);
    expect((second.operationTime as Timestamp).greaterThan(first.operationTime as Timestamp)).toBe(true);
    const ping = await db.command({ ping: 1 });
    expect((ping.$clusterTime.clusterTime as Timestamp).greaterThanOrEqual(second.operationTime as Timestamp)).toBe(true);
  });

  it("tells the driver it is a replica set, so sessions carry a cluster time", async () => {
    const session = t.client().startSession({ causalConsistency: true });
    try {
      await t.db().collection<AnyDoc>("causal").insertOne({ _id: "c" }, { session });
      expect(session.operationTime).toBeInstanceOf(Timestamp);
      expect(session.clusterTime?.clusterTime).toBeInstanceOf(Timestamp);
      expect(await t.db().collection<AnyDoc>("causal").findOne({ _id: "c" }, { session })).toEqual({ _id: "c" });
    } finally {
      await session.endSession();
    }
  });

  it.each([
    ["replicaSet=<name>", (name: string) => `replicaSet=${name}`],
    ["directConnection=true", () => "directConnection=true"],
    ["replicaSet=<name>&directConnection=true", (name: string) => `replicaSet=${name}&directConnection=true`],
  ])("serves clients that connect with %s", async (_label, options) => {
    const hello = await t.db().admin().command({ hello: 1 });
    const client = new MongoClient(withOptions(t.uri, options(hello.setName as string)), { serverSelectionTimeoutMS: 10_000 });
    try {
      const coll = client.db(t.name).collection<AnyDoc>("uris");
      await coll.insertOne({ options: options(hello.setName as string) });
      expect(await coll.countDocuments({ options: options(hello.setName as string) })).toBe(1);
    } finally {
      await client.close();
    }
  });
});
