import Link from "next/link";
import { ArrowLeftIcon } from "lucide-react";

export function BackToRolesLink() {
  return (
    <Link href="/roles" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
      <ArrowLeftIcon className="size-4" aria-hidden="true" />
      All roles
    </Link>
  );
}
