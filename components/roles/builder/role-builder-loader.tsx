"use client";

import { useState } from "react";

import type { Role } from "@/lib/shared/roles/role-schema";
import { RoleBuilder } from "@/components/roles/builder/role-builder";
import { draftOf, emptyDraft } from "@/components/roles/builder/role-draft";

export interface RoleBuilderLoaderProps {
  categories: string[];
  /** The custom role to edit; absent for a new role. */
  role?: Role;
}

/** Turns the server's role (or nothing) into the builder's draft, once, in the browser. */
export function RoleBuilderLoader({ categories, role }: RoleBuilderLoaderProps) {
  const [initial] = useState(() => (role ? draftOf(role) : emptyDraft()));
  return <RoleBuilder initial={initial} roleId={role?.id} categories={categories} />;
}
