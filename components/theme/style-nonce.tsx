"use client";

import { setNonce } from "get-nonce";

/**
 * Radix's scroll lock (react-remove-scroll) injects a <style> element when a dialog opens; it
 * takes its nonce from get-nonce. Setting it during render means it is in place before any
 * dialog can open, so the element passes the CSP's nonce-only style-src.
 */
export function StyleNonce({ nonce }: { nonce: string | undefined }) {
  if (nonce) setNonce(nonce);
  return null;
}
