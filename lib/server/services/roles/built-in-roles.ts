/**
 * The built-in role catalog. Definitions are parsed through roleSchema once at load, so a
 * malformed built-in fails loudly at start-up (and in the unit test) rather than in a form.
 */
import "server-only";
import { roleSchema, type Role } from "@/lib/shared/roles/role-schema";
import { codingAssistant, languageTutor, tutor, writingEditor } from "@/lib/server/services/roles/built-in/craft-learning-roles";
import { chatcraftGuide, fitnessCoach, marketingStrategist, travelPlanner } from "@/lib/server/services/roles/built-in/life-roles";
import { careerCoach, financialAdvisor, projectPlanner, techSupport } from "@/lib/server/services/roles/built-in/support-work-roles";

/** Catalog order. */
export const builtInRoleDefinitions = [
  techSupport,
  financialAdvisor,
  projectPlanner,
  careerCoach,
  codingAssistant,
  writingEditor,
  tutor,
  languageTutor,
  fitnessCoach,
  marketingStrategist,
  travelPlanner,
  chatcraftGuide,
] as const;

export const builtInRoles: readonly Role[] = Object.freeze(builtInRoleDefinitions.map((definition) => roleSchema.parse(definition)));

const byId = new Map(builtInRoles.map((role) => [role.id, role]));

export function getBuiltInRole(id: string): Role | undefined {
  return byId.get(id);
}

/** Categories of the built-in roles, in catalog order (custom roles may add their own). */
export const roleCategories: readonly string[] = [...new Set(builtInRoles.map((role) => role.category))];

