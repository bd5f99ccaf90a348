/**
 * The app's environment, validated with zod on first use and cached. Nothing reads
 * process.env at import time, so tests (and the launcher) can set variables before the first call.
 */
import "server-only";
import { z } from "zod";

const positiveInt = (fallback: number) =>
  z.coerce.number().int("must be a whole number").positive("must be greater than 0").default(fallback);

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  MONGODB_URI: z
    .string({ error: "is not set. Set it to your MongoDB connection string, or run `npm run dev`, which starts the embedded database for you" })
    .trim()
    .min(1, "is empty. Set it to your MongoDB connection string, or run `npm run dev`, which starts the embedded database for you")
    .regex(/^mongodb(\+srv)?:\/\//, "must start with mongodb:// or mongodb+srv://"),
  MONGODB_DB: z
    .string()
    .trim()
    .regex(/^[^/\\. "$*<>:|?]{1,63}$/, "must be a valid MongoDB database name (no spaces or /\\. \"$*<>:|?)")
    .default("chatcraft"),
  CHATCRAFT_DB_KIND: z.enum(["embedded", "external"]).default("external"),
  AUTH_SECRET: optionalText,
  // next-auth v4's name for AUTH_SECRET, which next-auth v5 still reads; we honour it the same way.
  NEXTAUTH_SECRET: optionalText,
  // Set to "1" by Vercel: its own X-Forwarded-For is then believed (lib/server/infra/http/client-address.ts).
  VERCEL: optionalText,
  TEST_BCRYPT_COST: z.coerce.number().int("must be a whole number").min(4, "must be at least 4").max(15, "must be at most 15").optional(),
  GEMINI_API_KEY: optionalText,
  // Unset: lib/server/ai/select-model.ts picks DEFAULT_GEMINI_MODEL, the one place the default lives.
  GEMINI_MODEL: optionalText,
  GEMINI_BASE_URL: z.url("must be a URL").optional(),
  // Unset: GET /api/metrics answers 404. Set: Prometheus presents it as a Bearer token.
  METRICS_TOKEN: optionalText.refine((value) => value === undefined || value.length >= 16, "must be at least 16 characters"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  CHAT_MAX_MESSAGE_CHARS: positiveInt(8000),
  CHAT_RATE_LIMIT_PER_MINUTE: positiveInt(20),
  API_TOKEN_RATE_LIMIT_PER_MINUTE: positiveInt(120),
  SEARCH_RATE_LIMIT_PER_MINUTE: positiveInt(120),
  CHAT_CONTEXT_TOKEN_BUDGET: positiveInt(32_000),
  // How many proxies we run in front of the app append to X-Forwarded-For; 0 = trust no header, use the socket.
  TRUSTED_PROXY_HOPS: z.coerce.number().int("must be a whole number").min(0, "must be 0 or more").max(10, "must be at most 10").default(0),
  // New accounts per client address per hour (issue 8: a tight limit; raise it for test suites that sign up many users).
  SIGN_UP_LIMIT_PER_HOUR: positiveInt(5),
  // Attachments (issue 22, docs/attachments.md): per-file size, files per message, per-user storage,
  // the largest image (width × height) decoded, and how long an upload may send nothing.
  ATTACHMENT_MAX_FILE_BYTES: positiveInt(10 * 1024 * 1024),
  ATTACHMENT_MAX_FILES_PER_MESSAGE: positiveInt(5),
  ATTACHMENT_QUOTA_BYTES: positiveInt(500 * 1024 * 1024),
  ATTACHMENT_MAX_PIXELS: positiveInt(40_000_000),
  ATTACHMENT_UPLOAD_IDLE_MS: positiveInt(15_000),
  // An upload never sent with a message is deleted after this many minutes.
  ATTACHMENT_UNSENT_EXPIRY_MINUTES: positiveInt(24 * 60),
  // Files sent to Gemini inline, in bytes per request; a larger file (or one past the total) goes through the Files API.
  GEMINI_INLINE_MAX_BYTES: positiveInt(15 * 1024 * 1024),
  // Imports (issue 21, docs/operations.md): the largest file, the most messages one imported
  // conversation may carry (it is held in memory while it is written), and the upload's idle limit.
  IMPORT_MAX_BYTES: positiveInt(256 * 1024 * 1024),
  IMPORT_MAX_MESSAGES_PER_CONVERSATION: positiveInt(10_000),
  IMPORT_UPLOAD_IDLE_MS: positiveInt(30_000),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Empty strings count as "not set", as they do in most .env tooling. */
function withoutEmpty(source: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined && value !== "") out[key] = value;
  }
  return out;
}

/** Validates an environment object; throws an EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(withoutEmpty(source));
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".") || "environment"} ${issue.message}`);
  throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** The validated environment (validated on the first call, then cached). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Forget the cached environment (tests that change process.env between cases). */
export function resetEnvCache(): void {
  cached = undefined;
}
