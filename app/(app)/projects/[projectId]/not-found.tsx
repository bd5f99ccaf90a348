import Link from "next/link";
import { FolderXIcon } from "lucide-react";

import { Button } from "@/components/ui/button";

export default function ProjectNotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center">
      <FolderXIcon className="size-8 text-muted-foreground" aria-hidden="true" />
      <h1 className="text-xl font-semibold">Project not found</h1>
      <p className="text-sm text-muted-foreground">It may have been deleted, or it belongs to another account.</p>
      <Button asChild>
        <Link href="/projects">Your projects</Link>
      </Button>
    </div>
  );
}
