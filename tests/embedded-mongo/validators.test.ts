/** $jsonSchema validators from create and collMod are enforced on insert and update (code 121). */
import { MongoBulkWriteError, ObjectId } from "mongodb";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/mongo";
import type { AnyDoc } from "./support/docs";
import { expectServerError } from "./support/errors";

const t = useTestDatabase();
const messages = () => t.db().collection<AnyDoc>("messages");

const messageSchema = {
  bsonType: "object",
  required: ["conversationId", "sender", "message", "timestamp"],
  properties: {
    conversationId: { bsonType: "objectId" },
    sender: { enum: ["user", "ai"] },
    message: { bsonType: "string", minLength: 1 },
    timestamp: { bsonType: "date" },
    tokens: { bsonType: ["int", "long", "double"], minimum: 0 },
    meta: { bsonType: "object", properties: { model: { bsonType: "string" } } },
  },
};

function validMessage(): AnyDoc {
  return { conversationId: new ObjectId(), sender: "user", message: "hello", timestamp: new Date() };
}

beforeAll(async () => {
  await t.db().createCollection("messages", { validator: { $jsonSchema: messageSchema } });
});

describe("$jsonSchema validator from createCollection", () => {
  it("accepts a valid document", async () => {
    await messages().insertOne({ ...validMessage(), tokens: 12, meta: { model: "m" } });
    expect(await messages().countDocuments({})).toBe(1);
  });

  it("refuses a document missing a required field with code 121 and details", async () => {
    const { message: _dropped, ...noText } = validMessage();
    const error = await expectServerError(messages().insertOne(noText), 121);
    expect(error.errInfo).toBeDefined();
  });

  it("checks bsonType: a string is not a date, a string is not an ObjectId, a Date is not an object", async () => {
    await expectServerError(messages().insertOne({ ...validMessage(), timestamp: "2024-01-01" }), 121);
    await expectServerError(messages().insertOne({ ...validMessage(), conversationId: "abc" }), 121);
    await expectServerError(messages().insertOne({ ...validMessage(), meta: new Date() }), 121);
    await expectServerError(messages().insertOne({ ...validMessage(), meta: { model: 5 } }), 121);
  });

  it("checks enum, minLength and minimum", async () => {
    await expectServerError(messages().insertOne({ ...validMessage(), sender: "robot" }), 121);
    await expectServerError(messages().insertOne({ ...validMessage(), message: "" }), 121);
    await expectServerError(messages().insertOne({ ...validMessage(), tokens: -1 }), 121);
    await expectServerError(messages().insertOne({ ...validMessage(), tokens: "many" }), 121);
  });

  it("refuses an update that breaks the schema and leaves the document unchanged", async () => {
    const doc = { _id: new ObjectId(), ...validMessage() };
    await messages().insertOne(doc);
    await expectServerError(messages().updateOne({ _id: doc._id }, { $unset: { message: "" } }), 121);
    await expectServerError(messages().updateOne({ _id: doc._id }, { $set: { sender: 42 } }), 121);
    await expectServerError(messages().replaceOne({ _id: doc._id }, { sender: "ai" }), 121);
    expect(await messages().findOne({ _id: doc._id })).toEqual(doc);
    await messages().updateOne({ _id: doc._id }, { $set: { message: "edited" } });
    expect((await messages().findOne({ _id: doc._id }))?.message).toBe("edited");
  });

  it("refuses an invalid upsert", async () => {
    await expectServerError(messages().updateOne({ sender: "ai" }, { $set: { message: "x" } }, { upsert: true }), 121);
    expect(await messages().countDocuments({ sender: "ai" })).toBe(0);
  });

  it("shows the validator in listCollections", async () => {
    const [info] = await t.db().listCollections({ name: "messages" }, { nameOnly: false }).toArray();
    expect(info?.options?.validator).toEqual({ $jsonSchema: messageSchema });
  });
});

describe("validator added with collMod", () => {
  it("is enforced from then on, and in bulk writes too", async () => {
    const users = t.db().collection<AnyDoc>("users");
    await users.insertOne({ name: 5 });
    await t.db().command({
      collMod: "users",
      validator: { $jsonSchema: { bsonType: "object", required: ["name"], properties: { name: { bsonType: "string" } } } },
    });
    await users.insertOne({ name: "ok" });
    await expectServerError(users.insertOne({ name: 7 }), 121);
    await expectServerError(users.insertOne({ nobody: true }), 121);
    const bulk = await users.insertMany([{ name: "a" }, { name: 1 }, { name: "b" }], { ordered: false }).then(() => null, (e: unknown) => e);
    expect(bulk).toBeInstanceOf(MongoBulkWriteError);
    const writeErrors = [(bulk as MongoBulkWriteError).writeErrors].flat();
    expect(writeErrors.map((w) => [w.index, w.code])).toEqual([[1, 121]]);
    expect(await users.countDocuments({ name: { $type: "string" } })).toBe(3);
    // Documents that predate the validator stay; validationLevel "strict" only checks them when they are updated.
    expect(await users.countDocuments({ name: 5 })).toBe(1);
  });

  it("removes the validator when collMod sets an empty one", async () => {
    await t.db().createCollection("loose", { validator: { $jsonSchema: { required: ["a"] } } });
    await expectServerError(t.db().collection<AnyDoc>("loose").insertOne({ b: 1 }), 121);
    await t.db().command({ collMod: "loose", validator: {} });
    await t.db().collection<AnyDoc>("loose").insertOne({ b: 1 });
    expect(await t.db().collection("loose").countDocuments({})).toBe(1);
  });
});
