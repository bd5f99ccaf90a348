import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";

/** Sign-in and sign-up: a plain header and one centred card that fits a phone screen. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main id="main" className="flex flex-1 items-start justify-center px-4 py-10 sm:items-center">
        <div className="w-full max-w-sm">{children}</div>
      </main>
    </div>
  );
}
