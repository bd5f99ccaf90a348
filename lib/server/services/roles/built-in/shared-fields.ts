/**
 * Fields several built-in roles ask for, defined once so they share a key (and so a value
 * entered for one role pre-fills the others). Input shapes: the role schema fills defaults.
 */
import "server-only";
import type { z } from "zod";
import type { roleFieldSchema, roleSchema } from "@/lib/shared/roles/role-schema";

export type FieldInput = z.input<typeof roleFieldSchema>;
export type RoleDefinition = z.input<typeof roleSchema>;

export const ageField = (min: number, required: boolean): FieldInput => ({
  key: "age",
  label: "Age",
  type: "number",
  min,
  max: 100,
  integer: true,
  required,
  placeholder: "e.g. 34",
});

export const countryField = (help: string, required: boolean): FieldInput => ({
  key: "country",
  label: "Country",
  type: "text",
  maxLength: 80,
  required,
  placeholder: "e.g. Germany",
  help,
});

export const EXPERIENCE_LEVELS = ["Beginner", "Intermediate", "Advanced", "Expert"];

export const experienceField = (label: string, help?: string): FieldInput => ({
  key: "experience_level",
  label,
  type: "select",
  options: EXPERIENCE_LEVELS,
  required: true,
  ...(help ? { help } : {}),
});

export const nativeLanguageField = (required: boolean): FieldInput => ({
  key: "native_language",
  label: "Your native language",
  type: "text",
  maxLength: 60,
  required,
  placeholder: "e.g. Spanish",
});

export const industryField = (label: string, required: boolean): FieldInput => ({
  key: "industry",
  label,
  type: "text",
  maxLength: 100,
  required,
  placeholder: "e.g. Healthcare, SaaS, Retail",
});
