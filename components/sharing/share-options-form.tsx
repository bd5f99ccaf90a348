"use client";

import { useId } from "react";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ShareDialogData, ShareExpiry } from "@/lib/shared/sharing/dto";

export interface ShareFormState {
  upToMessageId: string;
  visibleFields: string[];
  displayName: string;
  expiresIn: ShareExpiry;
}

const EXPIRY_LABELS: Record<ShareExpiry, string> = { "1": "1 day", "7": "7 days", "30": "30 days", never: "Never" };
const selectClass = "h-9 w-full rounded-md border border-input bg-transparent px-3 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 dark:bg-input/30";

export interface ShareOptionsFormProps {
  data: ShareDialogData;
  state: ShareFormState;
  onChange: (next: ShareFormState) => void;
  fieldErrors: Record<string, string[]>;
}

/** What to share: up to which message, which detail fields (all hidden by default), a display name, the expiry. */
export function ShareOptionsForm({ data, state, onChange, fieldErrors }: ShareOptionsFormProps) {
  const id = useId();
  const toggle = (key: string, checked: boolean) =>
    onChange({ ...state, visibleFields: checked ? [...state.visibleFields, key] : state.visibleFields.filter((field) => field !== key) });

  return (
    <div className="grid gap-4">
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-upto`}>Share</Label>
        <select id={`${id}-upto`} className={selectClass} value={state.upToMessageId} onChange={(event) => onChange({ ...state, upToMessageId: event.target.value })}>
          <option value="">The whole conversation</option>
          {data.messages.map((message, index) => (
            <option key={message.id} value={message.id}>
              Up to {index + 1}. {message.sender === "user" ? "You" : "AI"}: {message.excerpt}
            </option>
          ))}
        </select>
        {fieldErrors.upToMessageId?.map((message) => <p key={message} className="text-sm text-destructive">{message}</p>)}
      </div>
      {data.fields.length > 0 && (
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Details to show (hidden unless ticked)</legend>
          {data.fields.map((field) => (
            <label key={field.key} className="flex items-center gap-2 text-sm">
              <input type="checkbox" className="size-4 accent-primary" checked={state.visibleFields.includes(field.key)} onChange={(event) => toggle(field.key, event.target.checked)} />
              {field.label}
            </label>
          ))}
        </fieldset>
      )}
      <ShareNameExpiryFields state={state} onChange={(patch) => onChange({ ...state, ...patch })} fieldErrors={fieldErrors} />
    </div>
  );
}

export interface ShareNameExpiryProps {
  state: { displayName: string; expiresIn: ShareExpiry };
  onChange: (patch: { displayName?: string; expiresIn?: ShareExpiry }) => void;
  fieldErrors: Record<string, string[]>;
}

/** The display name a visitor sees ("Shared by …") and the expiry: the conversation's and the board's dialogs alike. */
export function ShareNameExpiryFields({ state, onChange, fieldErrors }: ShareNameExpiryProps) {
  const id = useId();
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-name`}>Show my name as (optional)</Label>
        <Input id={`${id}-name`} value={state.displayName} maxLength={60} aria-invalid={fieldErrors.displayName ? true : undefined} onChange={(event) => onChange({ displayName: event.target.value })} />
        {fieldErrors.displayName?.map((message) => <p key={message} className="text-sm text-destructive">{message}</p>)}
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-expiry`}>Link expires after</Label>
        <select id={`${id}-expiry`} className={selectClass} value={state.expiresIn} onChange={(event) => onChange({ expiresIn: event.target.value as ShareExpiry })}>
          {(Object.keys(EXPIRY_LABELS) as ShareExpiry[]).map((value) => (
            <option key={value} value={value}>{EXPIRY_LABELS[value]}</option>
          ))}
        </select>
      </div>
    </div>
  );
}
