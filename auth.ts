/**
 * next-auth v5: Credentials (username or email + password), JWT sessions. The provider only
 * wires next-auth to plain functions — the rate limits and `authenticateCredentials` — which
 * are tested on their own.
 */
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/auth.config";
import { authenticateCredentials } from "@/lib/auth/credentials";
import { enforceSignInLimits } from "@/lib/auth/limits";
import { signInSchema } from "@/lib/auth/schemas";
import { isAppError } from "@/lib/errors";
import { clientIp } from "@/lib/http/rate-limit";

class InvalidCredentials extends CredentialsSignin {
  override code = "invalid_credentials";
}

/** Carries the wait time to the sign-in form ("rate_limited:<seconds>"). */
class RateLimitedSignIn extends CredentialsSignin {
  constructor(retryAfterS: number) {
    super();
    this.code = `rate_limited:${Math.ceil(retryAfterS)}`;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: {
        identifier: { label: "Username or email", type: "text" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new InvalidCredentials();
        try {
          await enforceSignInLimits(clientIp(request.headers), parsed.data.identifier);
        } catch (error) {
          if (isAppError(error) && error.kind === "rate_limited") throw new RateLimitedSignIn(error.retryAfterS ?? 60);
          throw error;
        }
        const user = await authenticateCredentials(parsed.data);
        if (!user) throw new InvalidCredentials();
        return { id: user.id, username: user.username, email: user.email, name: user.name ?? null, credentialVersion: user.credentialVersion };
      },
    }),
  ],
});
