import * as React from "react";
import { Slot } from "radix-ui";

import { cn } from "@/components/ui/cn";
import { Label } from "@/components/ui/label";

/** Accessibility props FormField wires onto its control. */
export interface FormControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  "aria-required": true | undefined;
}

export interface FormFieldProps {
  /** The control's id; the label points at it and the message ids derive from it. */
  id: string;
  label: React.ReactNode;
  /** Validation message(s) shown under the control; any message marks the control invalid. */
  error?: string | readonly string[] | null;
  /** Help text shown under the control (kept visible alongside any error). */
  description?: React.ReactNode;
  /** Adds a visual "*" (hidden from screen readers) and aria-required on the control. */
  required?: boolean;
  className?: string;
  /**
   * The control. An element (Input, Textarea, Checkbox, ...) receives the props directly; for
   * composite controls (e.g. Select, whose focusable part is SelectTrigger) pass a function and
   * spread the props where they belong.
   */
  children: React.ReactElement | ((control: FormControlProps) => React.ReactNode);
}

/** Label + control + help/error text, with aria-invalid and aria-describedby set on the control. */
function FormField({
  id,
  label,
  error,
  description,
  required,
  className,
  children,
}: FormFieldProps) {
  const errors = (typeof error === "string" ? [error] : (error ?? [])).filter(Boolean);
  const hasError = errors.length > 0;
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const showDescription = Boolean(description);
  const describedBy =
    [showDescription && descriptionId, hasError && errorId].filter(Boolean).join(" ") || undefined;

  const control: FormControlProps = {
    id,
    "aria-invalid": hasError ? true : undefined,
    "aria-describedby": describedBy,
    "aria-required": required ? true : undefined,
  };

  return (
    <div
      data-slot="form-field"
      data-invalid={hasError || undefined}
      className={cn("grid gap-2", className)}
    >
      <Label htmlFor={id} className={cn(hasError && "text-destructive")}>
        {label}
        {required && (
          <span aria-hidden="true" className="text-muted-foreground">
            *
          </span>
        )}
      </Label>
      {typeof children === "function" ? children(control) : <Slot.Root {...control}>{children}</Slot.Root>}
      {showDescription && (
        <p id={descriptionId} data-slot="form-field-description" className="text-sm text-muted-foreground">
          {description}
        </p>
      )}
      {hasError && (
        <div id={errorId} data-slot="form-field-error" className="grid gap-1 text-sm text-destructive">
          {errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
    </div>
  );
}

export { FormField };
