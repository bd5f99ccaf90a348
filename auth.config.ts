/**
 * The part of the next-auth configuration that needs no database: session strategy, pages and
 * the JWT ↔ session mapping. proxy.ts builds its first gate from this alone (a signed cookie);
 * auth.ts adds the Credentials provider and sign-out, and lib/server/services/auth/session.ts checks the
 * server-side session record behind the cookie on every request.
 */
import type { NextAuthConfig } from "next-auth";
import { decodeSessionToken, encodeSessionToken } from "@/lib/server/services/auth/session-token";

declare module "next-auth" {
  interface Session {
    user: { id: string; username: string; email: string; name?: string | null };
    /** The server-side session (models/sessions.ts) this cookie stands for. */
    sessionId?: string;
  }
  interface User {
    username?: string;
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    username?: string;
    /** Session id: lib/server/services/auth/session.ts checks the record on every request; sign-out deletes it. */
    sid?: string;
  }
}

export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  // The same JWE as next-auth's own, decrypted once per token and re-issued hourly, not per request.
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  pages: { signIn: "/login", error: "/login" },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      // `user` is only present right after sign-in: copy what the session needs into the token.
      if (user?.id) {
        token.sub = user.id;
        token.username = user.username;
        token.email = user.email;
        token.name = user.name;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.sub ?? "",
        username: token.username ?? "",
        email: token.email ?? "",
        name: token.name ?? null,
      };
      session.sessionId = token.sid;
      return session;
    },
  },
  logger: {
    // A failed sign-in is an expected outcome, not a server error: keep it out of error logs.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
} satisfies NextAuthConfig;
