/**
 * The folders are the layers (docs/architecture.md), and eslint.config.mjs's allow-lists prove
 * it: an import a layer may not make fails `npm run lint`. Each case lints a one-line file at a
 * path inside the layer, through ESLint itself with the project's config.
 */
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = value;\n`, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === "no-restricted-imports").map((message) => message.message);
}

const refused: [layer: string, file: string, code: string][] = [
  ["a component importing a model", "components/chat/probe.tsx", 'import { value } from "@/models/messages";'],
  ["a component importing a service", "components/chat/probe.tsx", 'import { value } from "@/lib/server/services/chat/queries";'],
  ["a component importing the driver", "components/chat/probe.tsx", 'import { value } from "mongodb";'],
  ["a model importing a service", "models/probe.ts", 'import { value } from "@/lib/server/services/chat/reply-service";'],
  ["a model importing the AI", "models/probe.ts", 'import { value } from "@/lib/server/ai/token-budget";'],
  ["infrastructure importing a model", "lib/server/infra/probe.ts", 'import { value } from "@/models/users";'],
  ["shared code importing the server", "lib/shared/probe.ts", 'import { value } from "@/lib/server/infra/log";'],
  ["shared code importing a package other than zod", "lib/shared/probe.ts", 'import { value } from "mongodb";'],
  ["the AI importing a model", "lib/server/ai/probe.ts", 'import { value } from "@/models/messages";'],
  ["a route importing a model", "app/api/probe/route.ts", 'import { value } from "@/models/conversations";'],
  ["a route importing the AI", "app/api/probe/route.ts", 'import { value } from "@/lib/server/ai/select-model";'],
  ["a service importing a route", "lib/server/services/probe.ts", 'import { value } from "@/app/(app)/chat/actions";'],
  ["the embedded server importing app code", "tools/embedded-mongo/probe.ts", 'import { value } from "@/lib/shared/errors";'],
  ["the embedded server importing a package", "tools/embedded-mongo/probe.ts", 'import { value } from "zod";'],
];

const allowed: [layer: string, file: string, code: string][] = [
  ["a component importing shared code", "components/chat/probe.tsx", 'import { value } from "@/lib/shared/errors";'],
  ["a component importing a server action", "components/chat/probe.tsx", 'import { value } from "@/app/(app)/chat/actions";'],
  ["a model importing infrastructure", "models/probe.ts", 'import { value } from "@/lib/server/infra/db/collection";'],
  ["a service importing a model", "lib/server/services/probe.ts", 'import { value } from "@/models/messages";'],
  ["a route importing a service", "app/api/probe/route.ts", 'import { value } from "@/lib/server/services/chat/queries";'],
  ["the embedded server importing mingo", "tools/embedded-mongo/probe.ts", 'import { value } from "mingo/query";'],
];

describe("the layer allow-lists", () => {
  // Loading the Next.js lint config takes seconds on a busy machine: once, before the cases.
  beforeAll(() => eslint.calculateConfigForFile("components/chat/probe.tsx"), 60_000);

  it.each(refused)("refuse %s", async (_layer, file, code) => {
    expect(await restrictedImports(file, code)).toHaveLength(1);
  });

  it.each(allowed)("allow %s", async (_layer, file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
