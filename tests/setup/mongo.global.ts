/**
 * One MongoDB-compatible server for the whole vitest run. A user-supplied MONGODB_URI wins
 * (so the same suites run against real MongoDB); otherwise the embedded server starts in memory.
 */
import type { TestProject } from "vitest/node";
// Relative import: globalSetup runs before the test alias setup is guaranteed everywhere.
import { startEmbeddedMongo, type EmbeddedMongo } from "../../tools/embedded-mongo/index";

let server: EmbeddedMongo | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.MONGODB_URI?.trim();
  if (given) {
    project.provide("mongoUri", given);
    project.provide("mongoEmbedded", false);
    return async () => {};
  }
  server = await startEmbeddedMongo({ port: 0, quiet: true });
  project.provide("mongoUri", server.uri);
  project.provide("mongoEmbedded", true);
  return async () => {
    await server?.stop();
    server = undefined;
  };
}
