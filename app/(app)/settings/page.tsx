import type { Metadata } from "next";
import { ApiTokensSection } from "@/components/settings/api-tokens-section";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { DeleteAccountDialog } from "@/components/settings/delete-account-dialog";
import { DevicesList, type DeviceRow } from "@/components/settings/devices-list";
import { ExportDataButton } from "@/components/settings/export-data-button";
import { StorageUsage } from "@/components/settings/storage-usage";
import { storageUsage } from "@/lib/server/services/attachments/attachment-service";
import { publicAttachmentLimits } from "@/lib/server/services/attachments/limits";
import { SharedLinksSection } from "@/components/settings/shared-links-section";
import { ImportSection } from "@/app/(app)/settings/import-section";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listTokens } from "@/lib/server/services/api/tokens";
import { getCurrentSession, requireUser } from "@/lib/server/services/auth/session";
import { listDevices } from "@/lib/server/services/auth/sessions-service";
import { listShares } from "@/lib/server/services/sharing/share-service";
import { toOwner } from "@/lib/server/services/owner";
import { PASSWORD_CHANGED_PARAM } from "@/lib/shared/auth/schemas";

export const metadata: Metadata = { title: "Settings" };

interface SettingsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SettingsPage({ searchParams }: SettingsPageProps) {
  const user = await requireUser("/settings");
  const passwordChanged = (await searchParams)[PASSWORD_CHANGED_PARAM] === "1";
  const currentId = (await getCurrentSession())?.session.id;
  const devices: DeviceRow[] = (await listDevices(user.id)).map((session) => ({
    id: session.id,
    device: session.device,
    lastSeenAt: session.lastSeenAt.toISOString(),
    current: session.id === currentId,
  }));
  const tokens = await listTokens(toOwner(user));
  const usage = await storageUsage(toOwner(user));
  const shares = await listShares(toOwner(user));

  return (
    <div className="mx-auto grid w-full max-w-3xl gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Account</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-3 text-sm sm:grid-cols-[8rem_1fr]">
            <dt className="text-muted-foreground">Username</dt>
            <dd className="font-medium break-all">{user.username}</dd>
            <dt className="text-muted-foreground">Email</dt>
            <dd className="font-medium break-all">{user.email}</dd>
            {user.name && (
              <>
                <dt className="text-muted-foreground">Name</dt>
                <dd className="font-medium break-words">{user.name}</dd>
              </>
            )}
          </dl>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Change password</h2>
          </CardTitle>
          <CardDescription>You stay signed in on this device; every other device is signed out.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {passwordChanged && (
            <p role="status" className="rounded-md border border-emerald-500/40 bg-emerald-500/10 px-3 py-2 text-sm text-emerald-800 dark:text-emerald-200">
              Password changed. Other devices have been signed out.
            </p>
          )}
          <ChangePasswordForm />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Signed-in devices</h2>
          </CardTitle>
          <CardDescription>Where your account is signed in. Sign out a device you do not recognise.</CardDescription>
        </CardHeader>
        <CardContent>
          <DevicesList devices={devices} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>API tokens</h2>
          </CardTitle>
          <CardDescription>
            Personal tokens let your own programs use ChatCraft&apos;s API as you. They cannot change settings, tokens or your
            password. <a className="underline" href="/docs/api">API reference</a>
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ApiTokensSection initialTokens={tokens} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>File storage</h2>
          </CardTitle>
          <CardDescription>Images and documents you attached to messages, thumbnails included.</CardDescription>
        </CardHeader>
        <CardContent>
          <StorageUsage usage={usage} limits={publicAttachmentLimits()} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Shared links</h2>
          </CardTitle>
          <CardDescription>Read-only links to snapshots of your conversations. A revoked link answers “not found” at once.</CardDescription>
        </CardHeader>
        <CardContent>
          <SharedLinksSection initialLinks={shares} />
        </CardContent>
      </Card>

      <ImportSection userId={user.id} />

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Download my data</h2>
          </CardTitle>
          <CardDescription>
            Your profile, roles, saved details, conversations with every message, projects, tasks and token names, as one file (the zip adds every file you attached). No
            passwords or token secrets are included.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ExportDataButton />
        </CardContent>
      </Card>

      <Card className="border-destructive/40">
        <CardHeader>
          <CardTitle>
            <h2>Delete account</h2>
          </CardTitle>
          <CardDescription>Removes your account and everything you created. This cannot be undone.</CardDescription>
        </CardHeader>
        <CardContent>
          <DeleteAccountDialog username={user.username} />
        </CardContent>
      </Card>
    </div>
  );
}
