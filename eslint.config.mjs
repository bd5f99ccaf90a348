import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * An allow-list for one folder, as `no-restricted-imports` regexes. `internal` names the project
 * modules it may import through "@/": "dir/" is a folder, "name" a module or folder, and a
 * `RegExp` anything else. A relative import is refused unless `relative` (the layer rules could
 * not see through it). `packages` either lists the only packages allowed, or with "!name" entries
 * the packages refused.
 */
function layer(files, { internal, packages = [], relative = false, why }) {
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const fragment = (entry) =>
    entry instanceof RegExp ? entry.source : entry.endsWith("/") ? escape(entry) : `${escape(entry)}(?:/|$)`;
  const message = `Not allowed: ${why}`;
  const patterns = [{ regex: `^@/(?!${internal.map(fragment).join("|") || "(?!)"})`, message }];
  if (!relative) patterns.push({ regex: "^\\.", message: 'Import project code through "@/", so the layer rules can see it.' });
  const refused = packages.filter((name) => name.startsWith("!")).map((name) => name.slice(1));
  const only = packages.filter((name) => !name.startsWith("!"));
  for (const name of refused) patterns.push({ regex: `^${escape(name)}(?:/|$)`, message });
  if (only.length > 0) {
    const ok = only.map((name) => (name.endsWith(":") ? escape(name) : `${escape(name)}(?:/|$)`)).join("|");
    patterns.push({ regex: `^(?!@/|\\.|${ok})`, message });
  }
  return [{ files: [files], rules: { "no-restricted-imports": ["error", { patterns }] } }];
}

const eslintConfig = defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Allow deliberately unused names when prefixed with "_" (e.g. ignored callback arguments).
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  // Layers (docs/architecture.md): each folder names what it may import, and anything else is an
  // error. Project imports go through "@/"; relative imports are for the embedded server only.
  ...layer("lib/shared/**", {
    internal: ["lib/shared/"],
    packages: ["zod"],
    why: "lib/shared/ is browser-safe: it imports only zod and itself.",
  }),
  ...layer("lib/server/infra/**", {
    internal: ["lib/shared/", "lib/server/infra/"],
    why: "infrastructure imports only lib/shared/ and itself, never models, services or AI.",
  }),
  ...layer("models/**", {
    internal: ["lib/shared/", "lib/server/infra/", "models"],
    why: "models/ imports only infrastructure and lib/shared/, never a service, the AI or the UI.",
  }),
  ...layer("lib/server/ai/**", {
    internal: ["lib/shared/", "lib/server/infra/", "lib/server/ai/"],
    packages: ["@google/genai", "zod", "server-only", "node:"],
    why: "lib/server/ai/ imports only infrastructure and lib/shared/; services call it, never models.",
  }),
  ...layer("lib/server/services/**", {
    internal: ["lib/shared/", "lib/server/infra/", "lib/server/ai/", "lib/server/services/", "models", "auth"],
    why: "services call models, the AI and infrastructure, never routes or the UI.",
  }),
  ...layer("app/**", {
    internal: ["lib/shared/", "lib/server/services/", "lib/server/infra/", "components/", "app/", "auth", "package.json"],
    relative: true,
    packages: ["!mongodb", "!bson"],
    why: "app/ reaches data through services, never models, the AI or the driver.",
  }),
  ...layer("components/**", {
    internal: ["lib/shared/", "components/", /app\/.*actions$/],
    packages: ["!mongodb", "!bson"],
    why: "components/ is UI: it imports lib/shared/ and server actions, never the server's code.",
  }),
  ...layer("tools/embedded-mongo/**", {
    relative: true,
    internal: [],
    packages: ["node:", "bson", "mingo", "snowball-stemmers"],
    why: "the embedded server is a tool, not the app: node built-ins, bson, mingo and the Snowball stemmers ($text) only.",
  }),
  {
    // Vitest/Playwright helpers named `use…` (e.g. useTestDatabase) are not React hooks.
    files: ["tests/**", "e2e/**", "scripts/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([
    "**/.next/**",
    ".data/**",
    "node_modules/**",
    "out/**",
    "build/**",
    "coverage/**",
    "playwright-report/**",
    "test-results/**",
    "blob-report/**",
    "next-env.d.ts",
  ]),
]);

export default eslintConfig;
