/**
 * next-auth v5: Credentials (username or email + password). The cookie is next-auth's signed JWT,
 * but it only carries a server-side session id (models/sessions.ts): lib/server/services/auth/session.ts checks
 * that record on every request, and signing out deletes it. The provider only wires next-auth to
 * `signInWithPassword` (limits, password check, session), which is tested on its own.
 */
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { authConfig } from "@/auth.config";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_S } from "@/lib/server/services/auth/device-cookie";
import { signInWithPassword } from "@/lib/server/services/auth/sign-in";
import { endSession } from "@/lib/server/services/auth/sessions-service";

class InvalidCredentials extends CredentialsSignin {
  override code = "invalid_credentials";
}

/** Carries the wait time to the sign-in form ("rate_limited:<seconds>"). */
class RateLimitedSignIn extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `rate_limited:${Math.ceil(retryAfterSeconds)}`;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token?.sub && token.sid) await endSession(token.sub, token.sid);
    },
  },
  providers: [
    Credentials({
      credentials: {
        identifier: { label: "Username or email", type: "text" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, request) {
        const jar = await cookies();
        const outcome = await signInWithPassword(credentials, { headers: request.headers, deviceCookie: jar.get(DEVICE_COOKIE)?.value });
        if (!outcome.ok) throw outcome.reason === "rate_limited" ? new RateLimitedSignIn(outcome.retryAfterSeconds) : new InvalidCredentials();
        jar.set(DEVICE_COOKIE, outcome.deviceCookie, {
          httpOnly: true,
          sameSite: "lax",
          secure: new URL(request.url).protocol === "https:",
          path: "/",
          maxAge: DEVICE_COOKIE_MAX_AGE_S,
        });
        const { user } = outcome;
        return { id: user.id, username: user.username, email: user.email, name: user.name ?? null, sessionId: outcome.sessionId };
      },
    }),
  ],
});
