/**
 * For integration suites that drive the app's reply path through the real @google/genai SDK: a
 * fake Gemini server for the whole file, the app's environment pointed at it (restored after),
 * and its script and request log emptied before each test.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { resetEnvCache } from "@/lib/server/infra/env";
import { startFakeGemini, type FakeGemini } from "@/tests/fake-gemini/server";

export type FakeGeminiHandle = Pick<FakeGemini, "requests" | "uploads" | "script" | "reset">;

export function useFakeGeminiApp(apiKey: string): FakeGeminiHandle {
  let fake: FakeGemini | undefined;
  const started = (): FakeGemini => {
    if (!fake) throw new Error("The fake Gemini server is not running (use it inside a test).");
    return fake;
  };
  beforeAll(async () => {
    fake = await startFakeGemini({ apiKey });
    process.env.GEMINI_API_KEY = apiKey;
    process.env.GEMINI_BASE_URL = fake.baseUrl;
    process.env.GEMINI_MODEL = "gemini-fake-flash";
    resetEnvCache();
  });
  afterAll(async () => {
    delete process.env.GEMINI_API_KEY;
    delete process.env.GEMINI_BASE_URL;
    delete process.env.GEMINI_MODEL;
    resetEnvCache();
    await fake?.close();
  });
  beforeEach(() => fake?.reset());
  return {
    get requests() {
      return started().requests;
    },
    get uploads() {
      return started().uploads;
    },
    script: (steps) => started().script(steps),
    reset: () => started().reset(),
  };
}
