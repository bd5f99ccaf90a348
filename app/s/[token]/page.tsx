import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";

import { ContinueButton } from "@/components/sharing/continue-button";
import { SharedConversation } from "@/components/sharing/shared-conversation";
import { getCurrentUser } from "@/lib/server/services/auth/session";
import { clientAddress } from "@/lib/server/infra/http/client-address";
import { sharePageWait } from "@/lib/server/services/sharing/share-limits";
import { openSharedConversation } from "@/lib/server/services/sharing/share-service";
import { retryMessage } from "@/lib/shared/errors";
import type { SharedView } from "@/lib/shared/sharing/dto";

interface SharePageProps {
  params: Promise<{ token: string }>;
}

type Loaded = { view: SharedView } | { waitSeconds: number } | null;

/** One rate-limit hit and one view per request: the metadata and the page share this read. */
const load = cache(async (token: string): Promise<Loaded> => {
  const waitSeconds = await sharePageWait(clientAddress(await headers()));
  if (waitSeconds > 0) return { waitSeconds };
  const view = await openSharedConversation(token);
  return view ? { view } : null;
});

// Never in a search index (X-Robots-Tag is set for /s/* in next.config.ts too).
const robots: Metadata["robots"] = { index: false, follow: false, nocache: true };

export async function generateMetadata({ params }: SharePageProps): Promise<Metadata> {
  const loaded = await load((await params).token);
  if (!loaded || !("view" in loaded)) return { title: "Shared conversation", robots };
  const { view } = loaded;
  // The link preview names the role only: never a detail, never the messages.
  const description = `A conversation with ChatCraft's ${view.roleName} role, shared read-only.`;
  return { title: view.title, description, robots, openGraph: { title: view.title, description, type: "article", siteName: "ChatCraft" } };
}

export default async function SharePage({ params }: SharePageProps) {
  const { token } = await params;
  const loaded = await load(token);
  if (!loaded) notFound();
  const signedIn = "view" in loaded && (await getCurrentUser()) !== null;
  return (
    <main className="mx-auto grid w-full max-w-3xl gap-6 px-4 py-8 print:max-w-none print:p-0">
      <p className="text-sm text-muted-foreground">
        A read-only conversation shared from <Link href="/" className="font-medium text-foreground underline">ChatCraft</Link>.
      </p>
      {"view" in loaded ? (
        <>
          <SharedConversation view={loaded.view} />
          {signedIn ? (
            <div className="print:hidden">
              <ContinueButton token={token} />
            </div>
          ) : (
            <p className="text-sm print:hidden">
              <Link href={`/login?callbackUrl=${encodeURIComponent(`/s/${token}`)}`} className="font-medium underline">Sign in</Link> to continue this
              conversation in your own account, with your own details.
            </p>
          )}
        </>
      ) : (
        <p role="alert" className="text-sm">{retryMessage(loaded.waitSeconds)}</p>
      )}
    </main>
  );
}
