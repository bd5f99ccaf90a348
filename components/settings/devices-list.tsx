"use client";

import { LaptopMinimal } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { signOutDeviceAction, signOutOtherDevicesAction } from "@/app/(app)/settings/device-actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

export interface DeviceRow {
  id: string;
  device: string;
  /** ISO timestamp. */
  lastSeenAt: string;
  current: boolean;
}

const formatter = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** The signed-in devices, each with "Sign out"; and "Sign out everywhere else". */
export function DevicesList({ devices }: { devices: DeviceRow[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const others = devices.filter((device) => !device.current).length;

  function run(action: () => Promise<{ ok: boolean; error?: { message: string } }>, done: string) {
    startTransition(async () => {
      const result = await action();
      if (!result.ok) toast.error(result.error?.message ?? "That did not work. Try again.");
      else toast.success(done);
      router.refresh();
    });
  }

  return (
    <div className="grid gap-4">
      <ul className="divide-y rounded-md border" aria-label="Signed-in devices">
        {devices.map((device) => (
          <li key={device.id} className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm">
            <LaptopMinimal className="size-4 shrink-0 text-muted-foreground" aria-hidden />
            <div className="min-w-0 flex-1">
              <p className="font-medium break-words">
                {device.device} {device.current && <Badge variant="secondary">This device</Badge>}
              </p>
              <p className="text-muted-foreground">
                Last active <time dateTime={device.lastSeenAt}>{formatter.format(new Date(device.lastSeenAt))}</time>
              </p>
            </div>
            {!device.current && (
              <Button
                variant="outline"
                size="sm"
                disabled={pending}
                aria-label={`Sign out ${device.device}`}
                onClick={() => run(() => signOutDeviceAction(device.id), `${device.device} is signed out.`)}
              >
                Sign out
              </Button>
            )}
          </li>
        ))}
      </ul>
      <div>
        <Button
          variant="outline"
          disabled={pending || others === 0}
          onClick={() => run(signOutOtherDevicesAction, "Every other device is signed out.")}
        >
          Sign out everywhere else
        </Button>
        {others === 0 && <p className="mt-2 text-sm text-muted-foreground">No other device is signed in.</p>}
      </div>
    </div>
  );
}
