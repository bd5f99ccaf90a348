import type { ReactNode } from "react";
import { signOutAction } from "@/app/(app)/actions";
import { AppShell } from "@/components/layout/app-shell";
import { requireUser } from "@/lib/server/services/auth/session";
import { getEnv } from "@/lib/server/infra/env";

/** The signed-in app. proxy.ts already sent signed-out visitors to /login; this re-checks the account. */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell
      user={{ username: user.username, email: user.email, name: user.name ?? null }}
      onSignOut={signOutAction}
      dbKind={getEnv().CHATCRAFT_DB_KIND}
    >
      {children}
    </AppShell>
  );
}
