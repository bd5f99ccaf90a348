import type { Metadata } from "next";
import Link from "next/link";
import { SparklesIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const name = user.name ?? user.username;

  return (
    <div className="mx-auto grid w-full max-w-3xl gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <p className="text-muted-foreground">Welcome, {name}.</p>
      </div>
      <section
        aria-labelledby="empty-title"
        className="flex flex-col items-center gap-3 rounded-xl border border-dashed px-6 py-12 text-center"
      >
        <span className="grid size-12 place-items-center rounded-full bg-muted">
          <SparklesIcon className="size-6 text-muted-foreground" aria-hidden="true" />
        </span>
        <h2 id="empty-title" className="text-lg font-medium">
          No conversations yet
        </h2>
        <p className="max-w-md text-sm text-muted-foreground">
          Pick a role — tech support, financial advisor, project planner and more — fill in its details once, and start
          chatting. ChatCraft remembers the details for next time.
        </p>
        <Button asChild>
          <Link href="/roles">Browse roles</Link>
        </Button>
      </section>
    </div>
  );
}
