/** One remembered detail's value as people read it: lists joined, empty as "—". Browser-safe. */
export function formatDetailValue(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.map(String).join(", ") : "—";
  if (value === undefined || value === null || value === "") return "—";
  return String(value);
}
