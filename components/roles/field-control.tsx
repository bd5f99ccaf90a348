"use client";

import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/components/ui/cn";
import { fieldOptions, type RoleField } from "@/lib/shared/roles/role-schema";

export interface FieldControlProps {
  field: RoleField;
  /** Prefix for element ids, so two forms on a page do not clash. */
  idPrefix: string;
  /** The starting value: a string, a number, or (multiselect) a list. */
  value: unknown;
  error?: readonly string[];
}

export const nativeSelectClass =
  "h-9 w-full rounded-md border border-input bg-transparent px-3 py-1 text-base shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-invalid:border-destructive aria-invalid:ring-destructive/20 md:text-sm dark:bg-input/30 [&>option]:bg-popover [&>option]:text-popover-foreground";

function asText(value: unknown): string {
  if (value === undefined || value === null) return "";
  return Array.isArray(value) ? value.map(String).join(", ") : String(value);
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return value === undefined || value === null || value === "" ? [] : [String(value)];
}

/** One details field, rendered from its definition; the input's name is the field's key. */
export function FieldControl({ field, idPrefix, value, error }: FieldControlProps) {
  const id = `${idPrefix}-${field.key}`;
  const options = fieldOptions(field);

  if (field.type === "multiselect") {
    const chosen = new Set(asList(value));
    const errorId = `${id}-error`;
    const helpId = `${id}-description`;
    return (
      <fieldset
        data-slot="form-field"
        aria-describedby={[field.help && helpId, error?.length && errorId].filter(Boolean).join(" ") || undefined}
        aria-invalid={error?.length ? true : undefined}
        className="grid gap-2"
      >
        <legend className={cn("mb-2 text-sm leading-none font-medium", error?.length && "text-destructive")}>
          {field.label}
          {field.required && (
            <span aria-hidden="true" className="ml-1 text-muted-foreground">
              *
            </span>
          )}
        </legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {options.map((option) => (
            <label key={option} className="flex items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50">
              <input
                type="checkbox"
                name={field.key}
                value={option}
                defaultChecked={chosen.has(option)}
                className="size-4 accent-primary outline-none"
              />
              {option}
            </label>
          ))}
        </div>
        {field.help && (
          <p id={helpId} className="text-sm text-muted-foreground">
            {field.help}
          </p>
        )}
        {error?.length ? (
          <div id={errorId} className="grid gap-1 text-sm text-destructive">
            {error.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        ) : null}
      </fieldset>
    );
  }

  return (
    <FormField id={id} label={field.label} description={field.help} required={field.required} error={error}>
      {field.type === "textarea" ? (
        <Textarea name={field.key} defaultValue={asText(value)} placeholder={field.placeholder} maxLength={field.maxLength} rows={3} />
      ) : field.type === "number" ? (
        <Input
          name={field.key}
          type="number"
          inputMode="decimal"
          step="any"
          defaultValue={asText(value)}
          placeholder={field.placeholder}
          min={field.min}
          max={field.max}
        />
      ) : field.type === "select" ? (
        <select name={field.key} defaultValue={asText(value)} className={nativeSelectClass}>
          <option value="">{field.placeholder ?? "Choose…"}</option>
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <Input name={field.key} defaultValue={asText(value)} placeholder={field.placeholder} maxLength={field.maxLength} />
      )}
    </FormField>
  );
}
