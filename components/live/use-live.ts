"use client";

import { useEffect, useRef } from "react";
import { subscribeLive, type LiveSignal } from "@/components/live/live-connection";

/** Calls `onSignal` with each live event (and "open" on every (re)connect) while mounted; the latest callback is used. */
export function useLive(onSignal: (signal: LiveSignal) => void): void {
  const latest = useRef(onSignal);
  useEffect(() => {
    latest.current = onSignal;
  });
  useEffect(() => subscribeLive((signal) => latest.current(signal)), []);
}
