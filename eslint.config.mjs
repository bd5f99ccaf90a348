import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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
  {
    // Layers only look down (docs/architecture.md): a model talks to its collection and may use
    // infrastructure and shared zod shapes (`*-schema`, `schemas`), never a feature's services,
    // routes or UI.
    files: ["models/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/app", "@/app/*", "@/components", "@/components/*",
                // No bare "@/lib/chat" forms: a directory pattern would stop the re-includes below.
                "@/lib/chat/*", "@/lib/projects/*", "@/lib/ai/*", "@/lib/auth/*", "@/lib/roles/*", "@/auth", "@/auth.config",
                "!@/lib/*/*-schema", "!@/lib/*/schemas",
              ],
              message: "models/ never imports feature code (services, routes, UI); move the shared shape into a *-schema module or the logic up a layer.",
            },
          ],
        },
      ],
    },
  },
  {
    // UI reaches data through server actions and route handlers, never the driver or a model.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "mongodb", message: "components/ never imports the MongoDB driver; use a server action or route handler." },
            { name: "bson", message: "components/ never imports bson; ids cross to the client as strings." },
          ],
          patterns: [
            { group: ["@/models", "@/models/*", "@/lib/db", "@/lib/db/*"], message: "components/ never imports models/ or lib/db; use a server action or route handler." },
          ],
        },
      ],
    },
  },
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
