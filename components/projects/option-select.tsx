"use client";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue, type SelectTriggerProps } from "@/components/ui/select";

export interface OptionSelectProps<T extends string> extends Omit<SelectTriggerProps, "onChange" | "value"> {
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
}

/** A Select over a fixed list of [value, label] pairs; extra props go to the trigger (id, aria-*, size). */
export function OptionSelect<T extends string>({ value, options, onChange, ...trigger }: OptionSelectProps<T>) {
  return (
    <Select value={value} onValueChange={(next) => onChange(next as T)}>
      <SelectTrigger {...trigger}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {options.map(([optionValue, label]) => (
          <SelectItem key={optionValue} value={optionValue}>
            {label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
