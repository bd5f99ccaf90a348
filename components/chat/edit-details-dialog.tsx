"use client";

import { useState, type FormEvent } from "react";
import { Loader2Icon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { updateDetailsAction } from "@/app/(app)/chat/actions";
import { FormAlert } from "@/components/auth/form-alert";
import { FieldControl } from "@/components/roles/field-control";
import { useDetailsValidation } from "@/components/roles/use-details-validation";
import type { MessageDTO } from "@/lib/shared/chat/types";
import type { RoleField } from "@/lib/shared/roles/role-schema";

export interface EditDetailsDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  conversationId: string;
  fields: RoleField[];
  details: Record<string, unknown>;
  onUpdated: (details: Record<string, unknown>, notice: MessageDTO) => void;
}

/** The role's details form in a dialog, for changing what the AI knows mid-chat. */
export function EditDetailsDialog(props: EditDetailsDialogProps) {
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Edit details</DialogTitle>
          <DialogDescription>The next reply uses the new details; the change is noted in the conversation.</DialogDescription>
        </DialogHeader>
        {props.open && <EditDetailsForm {...props} />}
      </DialogContent>
    </Dialog>
  );
}

function EditDetailsForm({ conversationId, fields, details, onUpdated, onOpenChange }: EditDetailsDialogProps) {
  const { errors, setErrors, onBlur, onChange, validateAll } = useDetailsValidation(fields);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validateAll(event.currentTarget);
    if (Object.keys(checked.errors).length > 0) return;
    setPending(true);
    setFormError(null);
    try {
      const result = await updateDetailsAction(conversationId, checked.details);
      if (!result.ok) {
        setErrors(result.error.fields ?? {});
        setFormError(result.error.message);
        return;
      }
      onUpdated(result.data.details, result.data.notice);
      onOpenChange(false);
    } catch {
      setFormError("Could not save the details. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} onBlur={onBlur} onChange={onChange} noValidate className="grid gap-5">
      <FormAlert message={formError ?? undefined} />
      {fields.map((field) => (
        <FieldControl key={field.key} field={field} idPrefix="edit-details" value={details[field.key]} error={errors[field.key]} />
      ))}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending && <Loader2Icon className="animate-spin" aria-hidden="true" />}
          Save details
        </Button>
      </DialogFooter>
    </form>
  );
}
