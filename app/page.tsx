import type { Metadata } from "next";
import Link from "next/link";
import {
  BriefcaseIcon,
  ClipboardListIcon,
  HistoryIcon,
  LaptopIcon,
  LineChartIcon,
  MousePointerClickIcon,
  NotebookPenIcon,
  type LucideIcon,
} from "lucide-react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SiteHeader } from "@/components/layout/site-header";

export const metadata: Metadata = {
  title: { absolute: "ChatCraft — role-based AI chat that remembers your context" },
};

interface Step {
  icon: LucideIcon;
  title: string;
  text: string;
}

const steps: readonly Step[] = [
  {
    icon: MousePointerClickIcon,
    title: "Pick a role",
    text: "Choose an expert from the catalog — or make your own — instead of writing a system prompt.",
  },
  {
    icon: NotebookPenIcon,
    title: "Fill in the details once",
    text: "Each role asks for what it needs. ChatCraft remembers your answers, so the next chat starts pre-filled.",
  },
  {
    icon: HistoryIcon,
    title: "Chat with Gemini, with history",
    text: "Replies stream from Google Gemini, and every conversation is saved so you can pick it up later.",
  },
];

const exampleRoles: readonly { icon: LucideIcon; name: string; asks: string }[] = [
  { icon: LaptopIcon, name: "Tech Support", asks: "device, OS, what you tried" },
  { icon: LineChartIcon, name: "Financial Advisor", asks: "age, goals, risk tolerance" },
  { icon: ClipboardListIcon, name: "Project Planner", asks: "scope, team, deadline" },
  { icon: BriefcaseIcon, name: "Career Coach", asks: "current role, next step" },
];

export default function LandingPage() {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader
        actions={
          <Button asChild variant="ghost" size="sm">
            <Link href="/login">Sign in</Link>
          </Button>
        }
      />
      <main id="main" className="mx-auto flex w-full max-w-5xl flex-1 flex-col justify-center gap-10 px-4 py-10 md:py-16">
        <section className="flex flex-col items-start gap-5">
          <Badge variant="secondary">AI chat without the copy-paste</Badge>
          <h1 className="max-w-3xl text-4xl font-semibold tracking-tight text-balance md:text-5xl">
            Tell it who you are once. Get expert help every time.
          </h1>
          <p className="max-w-2xl text-lg text-pretty text-muted-foreground">
            ChatCraft gives Google Gemini a role and the context that role needs, and keeps both — so
            you stop pasting the same background into every prompt.
          </p>
          <div className="flex w-full flex-col gap-3 sm:w-auto sm:flex-row">
            <Button asChild size="lg">
              <Link href="/register">Get started</Link>
            </Button>
            <Button asChild size="lg" variant="outline">
              <Link href="/login">Sign in</Link>
            </Button>
          </div>
        </section>

        <section aria-labelledby="how-it-works">
          <h2 id="how-it-works" className="sr-only">
            How it works
          </h2>
          <ol className="grid gap-4 md:grid-cols-3">
            {steps.map(({ icon: Icon, title, text }, index) => (
              <li key={title} className="flex flex-col gap-2 rounded-xl border bg-card p-5 shadow-xs">
                <span className="flex items-center gap-2 text-sm font-medium text-muted-foreground">
                  <Icon className="size-4" aria-hidden="true" />
                  Step {index + 1}
                </span>
                <h3 className="font-semibold">{title}</h3>
                <p className="text-sm text-muted-foreground">{text}</p>
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="example-roles" className="flex flex-col gap-3">
          <h2 id="example-roles" className="text-sm font-medium text-muted-foreground">
            A few of the roles
          </h2>
          <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4">
            {exampleRoles.map(({ icon: Icon, name, asks }) => (
              <li key={name} className="flex items-start gap-3 rounded-lg border px-3 py-2.5">
                <Icon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
                <span className="grid">
                  <span className="text-sm font-medium">{name}</span>
                  <span className="text-xs text-muted-foreground">asks for {asks}</span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </div>
  );
}
