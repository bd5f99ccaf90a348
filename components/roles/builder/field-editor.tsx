"use client";

import { ArrowDownIcon, ArrowUpIcon, Trash2Icon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { FIELD_TYPES, slugifyKey, type FieldDraft, type FieldType } from "@/components/roles/builder/role-draft";

export interface FieldEditorProps {
  index: number;
  count: number;
  field: FieldDraft;
  onChange: (patch: Partial<FieldDraft>) => void;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
  errorsAt: (path: string) => string[] | undefined;
  touch: (path: string) => void;
}

export const nativeSelectClass =
  "h-9 w-full rounded-md border border-input bg-transparent px-3 py-1 text-base shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-invalid:border-destructive md:text-sm dark:bg-input/30 [&>option]:bg-popover [&>option]:text-popover-foreground";

/** One field of the role's details form: label, key, type and the type's own settings. */
export function FieldEditor({ index, count, field, onChange, onMove, onRemove, errorsAt, touch }: FieldEditorProps) {
  const n = index + 1;
  const base = `fields.${index}`;
  const id = `field-${field.uid}`;
  const hasOptions = field.type === "select" || field.type === "multiselect";

  return (
    <fieldset className="grid gap-4 rounded-xl border bg-card p-4" data-testid="field-editor">
      <legend className="sr-only">Field {n}</legend>
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm font-medium" aria-hidden="true">
          Field {n}
          {field.label.trim() && <span className="font-normal text-muted-foreground"> · {field.label.trim()}</span>}
        </p>
        <div className="flex gap-1">
          <Button type="button" variant="ghost" size="icon-sm" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move field ${n} up`}>
            <ArrowUpIcon aria-hidden="true" />
          </Button>
          <Button type="button" variant="ghost" size="icon-sm" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Move field ${n} down`}>
            <ArrowDownIcon aria-hidden="true" />
          </Button>
          <Button type="button" variant="ghost" size="icon-sm" onClick={onRemove} aria-label={`Remove field ${n}`} className="text-destructive">
            <Trash2Icon aria-hidden="true" />
          </Button>
        </div>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id={`${id}-label`} label="Label" required error={errorsAt(`${base}.label`)}>
          <Input
            value={field.label}
            onChange={(event) => {
              const label = event.target.value;
              onChange(field.keyEdited ? { label } : { label, key: slugifyKey(label) });
            }}
            onBlur={() => touch(`${base}.label`)}
            placeholder="e.g. Monthly budget"
          />
        </FormField>
        <FormField
          id={`${id}-key`}
          label="Key"
          required
          error={errorsAt(`${base}.key`)}
          description="Filled from the label. Roles sharing a key share the remembered value."
        >
          <Input
            value={field.key}
            onChange={(event) => onChange({ key: event.target.value, keyEdited: true })}
            onBlur={() => touch(`${base}.key`)}
            className="font-mono"
            spellCheck={false}
            autoCapitalize="none"
          />
        </FormField>
        <FormField id={`${id}-type`} label="Type" error={errorsAt(`${base}.type`)}>
          <select
            value={field.type}
            onChange={(event) => onChange({ type: event.target.value as FieldType })}
            className={nativeSelectClass}
          >
            {FIELD_TYPES.map((type) => (
              <option key={type.value} value={type.value}>
                {type.label}
              </option>
            ))}
          </select>
        </FormField>
        <label className="flex items-center gap-2 self-end pb-2 text-sm font-medium">
          <input
            type="checkbox"
            checked={field.required}
            onChange={(event) => onChange({ required: event.target.checked })}
            className="size-4 accent-primary"
          />
          Required
        </label>
        <FormField id={`${id}-placeholder`} label="Placeholder" error={errorsAt(`${base}.placeholder`)}>
          <Input value={field.placeholder} onChange={(event) => onChange({ placeholder: event.target.value })} onBlur={() => touch(`${base}.placeholder`)} />
        </FormField>
        <FormField id={`${id}-help`} label="Help text" error={errorsAt(`${base}.help`)}>
          <Input value={field.help} onChange={(event) => onChange({ help: event.target.value })} onBlur={() => touch(`${base}.help`)} />
        </FormField>
        {hasOptions && (
          <FormField
            id={`${id}-options`}
            label="Options"
            required
            className="sm:col-span-2"
            error={errorsAt(`${base}.options`) ?? findIndexed(errorsAt, `${base}.options`)}
            description="One option per line."
          >
            <Textarea value={field.options} onChange={(event) => onChange({ options: event.target.value })} onBlur={() => touch(`${base}.options`)} rows={4} />
          </FormField>
        )}
        {field.type === "number" && (
          <>
            <FormField id={`${id}-min`} label="Minimum" error={errorsAt(`${base}.min`)}>
              <Input type="number" step="any" value={field.min} onChange={(event) => onChange({ min: event.target.value })} onBlur={() => touch(`${base}.min`)} />
            </FormField>
            <FormField id={`${id}-max`} label="Maximum" error={errorsAt(`${base}.max`)}>
              <Input type="number" step="any" value={field.max} onChange={(event) => onChange({ max: event.target.value })} onBlur={() => touch(`${base}.max`)} />
            </FormField>
          </>
        )}
      </div>
    </fieldset>
  );
}

/** Errors about single options ("fields.0.options.2") shown on the options box. */
function findIndexed(errorsAt: (path: string) => string[] | undefined, base: string): string[] | undefined {
  const found: string[] = [];
  for (let i = 0; i < 50; i++) found.push(...(errorsAt(`${base}.${i}`) ?? []));
  return found.length > 0 ? [...new Set(found)] : undefined;
}
