"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Loader2Icon, PlusIcon } from "lucide-react";
import { toast } from "sonner";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { saveCustomRoleAction } from "@/app/(app)/roles/actions";
import { FormAlert } from "@/components/auth/form-alert";
import { announceConversationsChanged } from "@/components/layout/conversation-events";
import { RoleIcon } from "@/components/roles/role-icon";
import { ROLE_ICON_NAMES } from "@/components/roles/role-icons";
import { FieldEditor, nativeSelectClass } from "@/components/roles/builder/field-editor";
import { emptyField, roleInputOf, type FieldDraft, type RoleDraft } from "@/components/roles/builder/role-draft";
import { StartersEditor } from "@/components/roles/builder/starters-editor";
import { useRoleValidation, type PathErrors } from "@/components/roles/builder/use-role-validation";

export interface RoleBuilderProps {
  initial: RoleDraft;
  /** Set when editing an existing custom role. */
  roleId?: string;
  /** Categories already in the catalog, offered as suggestions. */
  categories: string[];
}

const SHOWN_TOP_LEVEL = ["name", "description", "category", "icon", "instructions", "temperature"];

/** Create or edit a custom role, with live validation from the schema the server saves with. */
export function RoleBuilder({ initial, roleId, categories }: RoleBuilderProps) {
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [serverErrors, setServerErrors] = useState<PathErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const validation = useRoleValidation(draft, serverErrors);
  const { errorsAt, touch } = validation;

  const set = (patch: Partial<RoleDraft>) => setDraft((previous) => ({ ...previous, ...patch }));
  const setField = (index: number, patch: Partial<FieldDraft>) =>
    setDraft((previous) => ({ ...previous, fields: previous.fields.map((field, i) => (i === index ? { ...field, ...patch } : field)) }));
  const moveField = (index: number, direction: -1 | 1) =>
    setDraft((previous) => {
      const fields = [...previous.fields];
      const [moved] = fields.splice(index, 1);
      fields.splice(index + direction, 0, moved!);
      return { ...previous, fields };
    });

  const shownPaths = new Set<string>([
    ...SHOWN_TOP_LEVEL,
    ...draft.starters.map((_, i) => `starters.${i}`),
    "starters",
    "fields",
    ...draft.fields.flatMap((_, i) =>
      ["label", "key", "type", "placeholder", "help", "options", "min", "max", ...Array.from({ length: 50 }, (_, j) => `options.${j}`)].map(
        (name) => `fields.${i}.${name}`,
      ),
    ),
  ]);
  const otherErrors = validation.otherErrors(shownPaths);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    validation.markSubmitted();
    if (!validation.isValid) {
      // Focus the first control marked invalid once React has rendered the errors.
      requestAnimationFrame(() => form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
      return;
    }
    setSaving(true);
    setFormError(null);
    try {
      const result = await saveCustomRoleAction(roleInputOf(draft), roleId);
      if (!result.ok) {
        setServerErrors(result.error.fields ?? {});
        setFormError(result.error.message);
        return;
      }
      toast.success(roleId ? "Role saved." : "Role created.");
      announceConversationsChanged();
      router.push(`/roles/${encodeURIComponent(result.data.id)}`);
    } catch {
      setFormError("Could not save the role. Check your connection and try again.");
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-6">
      <FormAlert message={formError ?? undefined} />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>About the role</h2>
          </CardTitle>
          <CardDescription>How it appears in the catalog, and how the AI should behave.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          <FormField id="role-name" label="Name" required error={errorsAt("name")}>
            <Input value={draft.name} onChange={(event) => set({ name: event.target.value })} onBlur={() => touch("name")} autoFocus={!roleId} />
          </FormField>
          <FormField id="role-description" label="Description" required error={errorsAt("description")}>
            <Textarea value={draft.description} onChange={(event) => set({ description: event.target.value })} onBlur={() => touch("description")} rows={2} />
          </FormField>
          <div className="grid gap-5 sm:grid-cols-[1fr_1fr_auto]">
            <FormField id="role-category" label="Category" required error={errorsAt("category")}>
              <Input value={draft.category} list="role-categories" onChange={(event) => set({ category: event.target.value })} onBlur={() => touch("category")} />
            </FormField>
            <datalist id="role-categories">
              {categories.map((category) => (
                <option key={category} value={category} />
              ))}
            </datalist>
            <FormField id="role-icon" label="Icon" error={errorsAt("icon")}>
              <select value={draft.icon} onChange={(event) => set({ icon: event.target.value })} className={nativeSelectClass}>
                {(ROLE_ICON_NAMES.includes(draft.icon) ? ROLE_ICON_NAMES : [draft.icon, ...ROLE_ICON_NAMES]).map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </FormField>
            <RoleIcon name={draft.icon} className="self-end" />
          </div>
          <FormField
            id="role-instructions"
            label="Instructions"
            required
            error={errorsAt("instructions")}
            description="Who the AI is and how it should answer. The user's details are added separately, as data."
          >
            <Textarea value={draft.instructions} onChange={(event) => set({ instructions: event.target.value })} onBlur={() => touch("instructions")} rows={6} />
          </FormField>
          <FormField id="role-temperature" label="Temperature" error={errorsAt("temperature")} description="0 = focused and predictable, 2 = most creative.">
            <Input
              type="number"
              min={0}
              max={2}
              step={0.1}
              value={draft.temperature}
              onChange={(event) => set({ temperature: event.target.value })}
              onBlur={() => touch("temperature")}
              className="w-32"
            />
          </FormField>
          <StartersEditor starters={draft.starters} onChange={(starters) => set({ starters })} errorsAt={errorsAt} />
        </CardContent>
      </Card>

      <section aria-labelledby="fields-title" className="grid gap-4">
        <div className="grid gap-1">
          <h2 id="fields-title" className="text-lg font-semibold">
            Details form
          </h2>
          <p className="text-sm text-muted-foreground">What users fill in before chatting. Values are remembered for their next chat.</p>
        </div>
        {draft.fields.length === 0 && <p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground">No fields: the chat starts without a form.</p>}
        {draft.fields.map((field, index) => (
          <FieldEditor
            key={field.uid}
            index={index}
            count={draft.fields.length}
            field={field}
            onChange={(patch) => setField(index, patch)}
            onMove={(direction) => moveField(index, direction)}
            onRemove={() => setDraft((previous) => ({ ...previous, fields: previous.fields.filter((_, i) => i !== index) }))}
            errorsAt={errorsAt}
            touch={touch}
          />
        ))}
        {errorsAt("fields")?.map((message) => (
          <p key={message} className="text-sm text-destructive">
            {message}
          </p>
        ))}
        <Button type="button" variant="outline" className="w-fit" onClick={() => setDraft((previous) => ({ ...previous, fields: [...previous.fields, emptyField()] }))}>
          <PlusIcon aria-hidden="true" />
          Add field
        </Button>
      </section>

      {otherErrors.length > 0 && (
        <div role="alert" className="grid gap-1 rounded-lg border border-destructive/40 p-3 text-sm text-destructive">
          {otherErrors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={saving}>
          {saving && <Loader2Icon className="animate-spin" aria-hidden="true" />}
          {roleId ? "Save role" : "Create role"}
        </Button>
        <Button type="button" variant="ghost" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
