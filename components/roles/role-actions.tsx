"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { CopyIcon, Loader2Icon, PencilIcon, Trash2Icon } from "lucide-react";
import { toast } from "sonner";

import { Button } from "@/components/ui/button";
import { deleteCustomRoleAction, duplicateRoleAction } from "@/app/(app)/roles/actions";
import { ConfirmDialog } from "@/components/layout/confirm-dialog";

export interface RoleActionsProps {
  roleId: string;
  roleName: string;
  isCustom: boolean;
}

/** Edit / Duplicate / Delete for the user's own roles; "Customize" (a copy to edit) for built-ins. */
export function RoleActions({ roleId, roleName, isCustom }: RoleActionsProps) {
  const router = useRouter();
  const [duplicating, startDuplicate] = useTransition();
  const [confirming, setConfirming] = useState(false);

  function duplicate() {
    startDuplicate(async () => {
      const result = await duplicateRoleAction(roleId);
      if (!result.ok) {
        toast.error(result.error.message);
        return;
      }
      toast.success(`Copied “${roleName}”. Make it yours.`);
      router.push(`/roles/${encodeURIComponent(result.data.id)}/edit`);
    });
  }

  return (
    <div className="flex flex-wrap gap-2">
      {isCustom && (
        <Button variant="outline" size="sm" asChild>
          <Link href={`/roles/${encodeURIComponent(roleId)}/edit`}>
            <PencilIcon aria-hidden="true" />
            Edit
          </Link>
        </Button>
      )}
      <Button variant="outline" size="sm" onClick={duplicate} disabled={duplicating}>
        {duplicating ? <Loader2Icon className="animate-spin" aria-hidden="true" /> : <CopyIcon aria-hidden="true" />}
        {isCustom ? "Duplicate" : "Customize"}
      </Button>
      {isCustom && (
        <>
          <Button variant="outline" size="sm" className="text-destructive" onClick={() => setConfirming(true)}>
            <Trash2Icon aria-hidden="true" />
            Delete
          </Button>
          <ConfirmDialog
            open={confirming}
            onOpenChange={setConfirming}
            title={`Delete “${roleName}”?`}
            description="The role and its saved details are removed. Conversations you already had with it stay."
            confirmLabel="Delete role"
            onConfirm={async () => {
              const result = await deleteCustomRoleAction(roleId);
              if (!result.ok) {
                toast.error(result.error.message);
                return;
              }
              toast.success("Role deleted.");
              router.push("/roles");
            }}
          />
        </>
      )}
    </div>
  );
}
