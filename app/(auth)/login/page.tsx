import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { safeCallbackUrl } from "@/lib/shared/auth/callback-url";
import { getCurrentUser } from "@/lib/server/services/auth/session";

export const metadata: Metadata = { title: "Sign in" };

interface LoginPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  // Checked against the database, so a cookie of a deleted account does not bounce back here.
  if (await getCurrentUser()) redirect(callbackUrl);

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1 className="text-xl">Sign in</h1>
        </CardTitle>
        <CardDescription>Welcome back to ChatCraft.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {params.registered === "1" && (
          <Alert role="status">
            <AlertDescription>Your account was created. Sign in to continue.</AlertDescription>
          </Alert>
        )}
        <LoginForm callbackUrl={callbackUrl} />
      </CardContent>
    </Card>
  );
}
