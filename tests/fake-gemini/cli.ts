/**
 * Runs the fake Gemini server on its own, for browser tests:
 *   tsx tests/fake-gemini/cli.ts --port 4410 [--host 127.0.0.1] [--api-key KEY]
 * Point the app at it with GEMINI_BASE_URL=http://127.0.0.1:4410 and any GEMINI_API_KEY, then
 * script it over HTTP: POST /__script (one step or a list), GET /__requests, POST /__reset.
 */
import { startFakeGemini } from "./server";

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

async function main(): Promise<void> {
  const port = Number(argument("port") ?? "0");
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got ${argument("port")}`);
  const fake = await startFakeGemini({ port, host: argument("host"), apiKey: argument("api-key") });
  console.log(`Fake Gemini listening on ${fake.baseUrl}`);
  const stop = () => {
    void fake.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
