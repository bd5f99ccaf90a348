"use client";
/**
 * Re-renders the server page when the user's data of the given kinds changes anywhere (another
 * tab, device or instance): the dashboard and the project board are server-rendered, so a
 * refresh shows the change without restating their queries here. Bursts (a plan applied as many
 * tasks) become one refresh.
 */
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { LiveEventType } from "@/lib/shared/live/events";
import { useLive } from "@/components/live/use-live";

const SETTLE_MS = 250;

export function LiveRefresh({ on, projectId }: { on: readonly LiveEventType[]; projectId?: string }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useLive((signal) => {
    if (signal.type === "open" || !on.includes(signal.type)) return;
    if (projectId && signal.type === "board" && signal.data.projectId && signal.data.projectId !== projectId) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => router.refresh(), SETTLE_MS);
  });
  return null;
}
