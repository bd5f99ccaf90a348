import { Badge } from "@/components/ui/badge";

/** A role's category, and "Custom" for the user's own roles. */
export function RoleBadges({ category, isCustom }: { category: string; isCustom: boolean }) {
  return (
    <div className="flex flex-wrap gap-1">
      <Badge variant="secondary">{category}</Badge>
      {isCustom && <Badge variant="outline">Custom</Badge>}
    </div>
  );
}
