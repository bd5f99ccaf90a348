/** The find projection {"<array>.$": 1}: the element the query recorded, or code 51246 when none is. */
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";
import { expectServerError } from "./support/errors";

const t = useTestDatabase();
const coll = (name: string) => t.db().collection<AnyDoc>(name);
const NO_MATCH = "positional operator '.$' couldn't find a matching element in the array";

describe("positional projection", () => {
  it("returns the element the positive predicate matched, ignoring negations", async () => {
    await coll("proj").insertOne({ _id: 1, title: "t", messages: [{ id: "m1", n: 1 }, { id: "m2", n: 2 }, { id: "m3", n: 3 }] });
    const byId = await coll("proj").findOne({ "messages.id": "m2", "messages.n": { $ne: 9 } }, { projection: { "messages.$": 1 } });
    expect(byId).toEqual({ _id: 1, messages: [{ id: "m2", n: 2 }] });
    const byRange = await coll("proj").findOne({ messages: { $elemMatch: { n: { $gt: 2 } } } }, { projection: { _id: 0, title: 1, "messages.$": 1 } });
    expect(byRange).toEqual({ title: "t", messages: [{ id: "m3", n: 3 }] });
  });

  it("fails with 51246 when the query records no element", async () => {
    await coll("proj_none").insertOne({ _id: 1, a: [1, 2, 3] });
    for (const filter of [{}, { a: { $ne: 5 } }, { a: { $size: 3 } }]) {
      const error = await expectServerError(coll("proj_none").find(filter, { projection: { "a.$": 1 } }).toArray(), 51246);
      expect(error.message).toContain(NO_MATCH);
    }
  });
});
