import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";

import { StyleNonce } from "@/components/theme/style-nonce";
import { ThemeProvider } from "@/components/theme/theme-provider";
import { Toaster } from "@/components/ui/sonner";
import { NONCE_HEADER } from "@/lib/server/infra/http/csp";
import "./globals.css";

export const metadata: Metadata = {
  title: {
    default: "ChatCraft",
    template: "%s · ChatCraft",
  },
  description:
    "Pick a role, fill in its details once, and chat with Google Gemini — ChatCraft remembers the context so you never paste it again.",
  applicationName: "ChatCraft",
  icons: { icon: { url: "/icon.svg", type: "image/svg+xml" } },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0a0a0a" },
  ],
};

// Reading the request's CSP nonce (set by proxy.ts) makes every page render per request, as a nonce must.
export default async function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    // next-themes sets the theme class on <html> before hydration, hence the warning suppression.
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh">
        <StyleNonce nonce={nonce} />
        <ThemeProvider nonce={nonce}>
          {children}
          <Toaster richColors closeButton />
        </ThemeProvider>
      </body>
    </html>
  );
}
