import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/server/infra/env";

const base = { MONGODB_URI: "mongodb://127.0.0.1:27017" };

describe("environment validation", () => {
  it("applies documented defaults", () => {
    const env = parseEnv(base);
    expect(env.MONGODB_DB).toBe("chatcraft");
    expect(env.CHATCRAFT_DB_KIND).toBe("external");
    expect(env.TEST_BCRYPT_COST).toBeUndefined();
    expect(env.CHAT_MAX_MESSAGE_CHARS).toBe(8000);
    expect(env.CHAT_RATE_LIMIT_PER_MINUTE).toBe(20);
  });

  it("names MONGODB_URI and says how to fix it when it is missing or empty", () => {
    for (const source of [{}, { MONGODB_URI: "" }]) {
      expect(() => parseEnv(source)).toThrow(EnvError);
      expect(() => parseEnv(source)).toThrow(/MONGODB_URI .*npm run dev/);
    }
  });

  it("names each bad variable and what is wrong with it", () => {
    let message = "";
    try {
      parseEnv({ MONGODB_URI: "http://localhost", TEST_BCRYPT_COST: "two", CHATCRAFT_DB_KIND: "cloud", CHAT_MAX_MESSAGE_CHARS: "-5" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/MONGODB_URI must start with mongodb:\/\//);
    expect(message).toMatch(/TEST_BCRYPT_COST/);
    expect(message).toMatch(/CHATCRAFT_DB_KIND/);
    expect(message).toMatch(/CHAT_MAX_MESSAGE_CHARS must be greater than 0/);
  });

  it("reads numbers from strings and accepts a low bcrypt cost for tests", () => {
    const env = parseEnv({ ...base, TEST_BCRYPT_COST: "4", CHAT_RATE_LIMIT_PER_MINUTE: "5", MONGODB_DB: "t_1" });
    expect(env.TEST_BCRYPT_COST).toBe(4);
    expect(env.CHAT_RATE_LIMIT_PER_MINUTE).toBe(5);
    expect(env.MONGODB_DB).toBe("t_1");
  });
});
