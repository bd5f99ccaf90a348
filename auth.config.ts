/**
 * The part of the next-auth configuration that needs no database: session strategy, pages and
 * the JWT ↔ session mapping. proxy.ts builds its session check from this alone; auth.ts adds
 * the Credentials provider (which needs MongoDB and bcrypt).
 */
import type { NextAuthConfig } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; username: string; email: string; name?: string | null; credentialVersion: number };
  }
  interface User {
    username?: string;
    credentialVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    username?: string;
    /** The account's credentialVersion at sign-in (lib/auth/session.ts compares it). */
    credentialVersion?: number;
  }
}

export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
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
        token.credentialVersion = user.credentialVersion ?? 0;
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
        credentialVersion: token.credentialVersion ?? 0,
      };
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
