/**
 * next-auth's session-token codec (`jwt.encode` / `jwt.decode` in the config), with the crypto
 * done once per token instead of on every request.
 *
 * next-auth reads the session by decrypting the cookie's JWE (HKDF, AES-CBC, HMAC) and then
 * re-encrypts a fresh one to slide its expiry — on every read, and a request here reads it twice
 * (proxy.ts's gate and lib/server/services/auth/session.ts). That was ~7 % of a chat reply's CPU. The JWT is
 * only a pointer to the server-side session (models/sessions.ts), which already slides hourly, so:
 * - decode: a token decrypted once is remembered (keyed by the exact token string, salt and
 *   secret, so only bytes that passed authenticated decryption are ever trusted) until it expires;
 * - encode: a token read back unchanged and issued within the last hour is handed back as is
 *   (the cookie's Expires still slides on every response); anything else is encrypted afresh.
 * next-auth has no option for either (its `updateAge` applies to database sessions only), and
 * these two hooks are its documented way to customise the codec.
 */
import "server-only";
import { decode, encode, type JWT, type JWTDecodeParams, type JWTEncodeParams } from "next-auth/jwt";

/** A token older than this is re-issued (new iat/exp/jti) on the next read. */
export const SESSION_TOKEN_REISSUE_S = 60 * 60;
/** Bounds the memory: one entry is ~1 KB (token + payload); the oldest entry goes first. */
const MAX_REMEMBERED = 10_000;

interface Remembered {
  secret: string;
  token: string;
  payload: JWT;
  /** JSON of the payload as decoded: `encode` compares what it is given against it. */
  json: string;
}

const cacheKey = Symbol.for("chatcraft.session-token-cache");
type GlobalWithCache = typeof globalThis & { [cacheKey]?: { byToken: Map<string, Remembered>; byPayload: Map<string, Remembered> } };

// On globalThis: proxy.ts and the route bundles are separate module instances in one process.
function cache() {
  const g = globalThis as GlobalWithCache;
  g[cacheKey] ??= { byToken: new Map(), byPayload: new Map() };
  return g[cacheKey];
}

function secretOf(secret: string | string[]): string {
  return Array.isArray(secret) ? secret.join("\n") : secret;
}

function isLive(payload: JWT, nowS: number): boolean {
  return typeof payload.exp === "number" && payload.exp > nowS;
}

function remember(salt: string, entry: Remembered): void {
  const { byToken, byPayload } = cache();
  if (byToken.size >= MAX_REMEMBERED) {
    const [oldestKey, oldest] = byToken.entries().next().value as [string, Remembered];
    byToken.delete(oldestKey);
    byPayload.delete(`${salt}\0${oldest.json}`);
  }
  byToken.set(`${salt}\0${entry.token}`, entry);
  byPayload.set(`${salt}\0${entry.json}`, entry);
}

function forget(salt: string, entry: Remembered): void {
  cache().byToken.delete(`${salt}\0${entry.token}`);
  cache().byPayload.delete(`${salt}\0${entry.json}`);
}

export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, salt } = params;
  if (!token) return null;
  const secret = secretOf(params.secret);
  const nowS = Date.now() / 1000;
  const known = cache().byToken.get(`${salt}\0${token}`);
  if (known && known.secret === secret) {
    if (isLive(known.payload, nowS)) return structuredClone(known.payload);
    forget(salt, known);
  }
  const payload = await decode(params);
  if (payload && isLive(payload, nowS)) remember(salt, { secret, token, payload: structuredClone(payload), json: JSON.stringify(payload) });
  return payload;
}

export async function encodeSessionToken(params: JWTEncodeParams<JWT>): Promise<string> {
  const { token: payload, salt } = params;
  const known = payload ? cache().byPayload.get(`${salt}\0${JSON.stringify(payload)}`) : undefined;
  const nowS = Date.now() / 1000;
  if (known && known.secret === secretOf(params.secret) && isLive(known.payload, nowS)) {
    const issuedAt = typeof known.payload.iat === "number" ? known.payload.iat : 0;
    if (nowS - issuedAt < SESSION_TOKEN_REISSUE_S) return known.token;
  }
  return encode(params);
}
