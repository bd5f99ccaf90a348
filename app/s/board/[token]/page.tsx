import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";

import { SharedBoard } from "@/components/sharing/shared-board";
import { clientAddress } from "@/lib/server/infra/http/client-address";
import { openSharedBoard } from "@/lib/server/services/sharing/board-share";
import { sharePageWait } from "@/lib/server/services/sharing/share-limits";
import { retryMessage } from "@/lib/shared/errors";
import type { SharedBoard as SharedBoardView } from "@/lib/shared/sharing/board";

interface BoardSharePageProps {
  params: Promise<{ token: string }>;
}

type Loaded = { view: SharedBoardView } | { waitSeconds: number } | null;

/** One rate-limit hit (the share pages' budget) and one view per request, for the metadata and the page. */
const load = cache(async (token: string): Promise<Loaded> => {
  const waitSeconds = await sharePageWait(clientAddress(await headers()));
  if (waitSeconds > 0) return { waitSeconds };
  const view = await openSharedBoard(token);
  return view ? { view } : null;
});

// Never in a search index (next.config.ts also sends X-Robots-Tag and no-store for /s/*).
const robots: Metadata["robots"] = { index: false, follow: false, nocache: true };

export async function generateMetadata({ params }: BoardSharePageProps): Promise<Metadata> {
  const loaded = await load((await params).token);
  if (!loaded || !("view" in loaded)) return { title: "Shared project board", robots };
  // The link preview names the project only: no task, no chat, nothing of the owner.
  const description = "A ChatCraft project board, shared read-only.";
  return { title: loaded.view.name, description, robots, openGraph: { title: loaded.view.name, description, type: "article", siteName: "ChatCraft" } };
}

export default async function BoardSharePage({ params }: BoardSharePageProps) {
  const loaded = await load((await params).token);
  if (!loaded) notFound();
  return (
    <main className="mx-auto grid w-full max-w-6xl gap-6 px-4 py-8 print:max-w-none print:p-0">
      <p className="text-sm text-muted-foreground">
        A read-only project board shared from <Link href="/" className="font-medium text-foreground underline">ChatCraft</Link>.
      </p>
      {"view" in loaded ? <SharedBoard view={loaded.view} /> : <p role="alert" className="text-sm">{retryMessage(loaded.waitSeconds)}</p>}
    </main>
  );
}
