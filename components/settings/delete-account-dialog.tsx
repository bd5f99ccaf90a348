"use client";

import { useActionState, useState } from "react";
import { deleteAccountAction } from "@/app/(app)/settings/actions";
import { FormAlert } from "@/components/auth/form-alert";
import { formRefusal } from "@/lib/shared/action-result";
import { SubmitButton } from "@/components/auth/submit-button";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

export interface DeleteAccountDialogProps {
  username: string;
}

/** "Delete account": a confirmation dialog that stays disabled until the username is typed. */
export function DeleteAccountDialog({ username }: DeleteAccountDialogProps) {
  const [state, formAction] = useActionState(deleteAccountAction, null);
  const refused = formRefusal(state);
  const [typed, setTyped] = useState("");
  const confirmed = typed.trim().toLowerCase() === username;

  return (
    <AlertDialog onOpenChange={(open) => !open && setTyped("")}>
      <AlertDialogTrigger asChild>
        <Button variant="destructive">Delete account</Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <form action={formAction} className="grid gap-4">
          <AlertDialogHeader>
            <AlertDialogTitle>Delete your account?</AlertDialogTitle>
            <AlertDialogDescription>
              This permanently deletes your account, conversations, messages, saved details, roles and projects. It
              cannot be undone.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <FormAlert message={refused.message} />
          <FormField
            id="confirmUsername"
            label={
              <span>
                Type your username, <strong className="font-mono">{username}</strong>, to confirm
              </span>
            }
            error={refused.fields.confirmUsername}
          >
            <Input
              name="confirmUsername"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              maxLength={64}
            />
          </FormField>
          <AlertDialogFooter>
            <AlertDialogCancel type="button">Cancel</AlertDialogCancel>
            <SubmitButton variant="destructive" disabled={!confirmed}>
              Delete my account
            </SubmitButton>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
