"use client";

import { PlusIcon, XIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export interface StartersEditorProps {
  starters: string[];
  onChange: (starters: string[]) => void;
  errorsAt: (path: string) => string[] | undefined;
  max?: number;
}

/** Suggested first messages, one input each. */
export function StartersEditor({ starters, onChange, errorsAt, max = 6 }: StartersEditorProps) {
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-sm font-medium">Starters</legend>
      <p className="text-sm text-muted-foreground">Suggested first messages shown on the role page.</p>
      {starters.map((starter, index) => {
        const errors = errorsAt(`starters.${index}`);
        return (
          <div key={index} className="grid gap-1">
            <div className="flex gap-2">
              <Input
                aria-label={`Starter ${index + 1}`}
                aria-invalid={errors ? true : undefined}
                value={starter}
                onChange={(event) => onChange(starters.map((value, i) => (i === index ? event.target.value : value)))}
              />
              <Button type="button" variant="ghost" size="icon" aria-label={`Remove starter ${index + 1}`} onClick={() => onChange(starters.filter((_, i) => i !== index))}>
                <XIcon aria-hidden="true" />
              </Button>
            </div>
            {errors?.map((message) => (
              <p key={message} className="text-sm text-destructive">
                {message}
              </p>
            ))}
          </div>
        );
      })}
      {errorsAt("starters")?.map((message) => (
        <p key={message} className="text-sm text-destructive">
          {message}
        </p>
      ))}
      {starters.length < max && (
        <Button type="button" variant="outline" size="sm" className="w-fit" onClick={() => onChange([...starters, ""])}>
          <PlusIcon aria-hidden="true" />
          Add starter
        </Button>
      )}
    </fieldset>
  );
}
