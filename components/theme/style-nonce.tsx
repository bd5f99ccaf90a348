"use client";

import { getNonce, setNonce } from "get-nonce";

/**
 * The nonce of the document the browser loaded. Each request gets a fresh nonce from proxy.ts,
 * but the page keeps enforcing the policy it was loaded with, so after a client-side navigation
 * or refresh (which renders with a newer nonce) only the first one still works.
 */
export function documentNonce(nonce: string | undefined): string | undefined {
  if (typeof window === "undefined") return nonce;
  if (nonce && !getNonce()) setNonce(nonce);
  return getNonce() ?? nonce;
}

/**
 * Radix's scroll lock (react-remove-scroll) injects a <style> element when a dialog or menu
 * opens, taking its nonce from get-nonce; setting it during render means it is in place before
 * anything can open.
 */
export function StyleNonce({ nonce }: { nonce: string | undefined }) {
  documentNonce(nonce);
  return null;
}
