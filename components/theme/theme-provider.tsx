"use client";

import type { ComponentProps } from "react";
import { ThemeProvider as NextThemesProvider } from "next-themes";
import { documentNonce } from "@/components/theme/style-nonce";
// For its effect: zod must not probe eval under our CSP, and this module loads before any form.
import "@/lib/shared/zod-without-eval";

export type ThemeProviderProps = ComponentProps<typeof NextThemesProvider>;

/** Light/dark theme via a class on <html>; follows the OS until the user picks one. */
export function ThemeProvider({ children, nonce, ...props }: ThemeProviderProps) {
  return (
    <NextThemesProvider
      // Its theme script and the style that pauses transitions must carry the document's nonce.
      nonce={documentNonce(nonce)}
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
      {...props}
    >
      {children}
    </NextThemesProvider>
  );
}
