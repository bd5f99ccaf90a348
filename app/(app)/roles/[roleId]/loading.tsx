import { Skeleton } from "@/components/ui/skeleton";

export default function RoleLoading() {
  return (
    <div className="mx-auto grid w-full max-w-3xl gap-6" role="status" aria-label="Loading role">
      <div className="flex items-center gap-4">
        <Skeleton className="size-12 rounded-lg" />
        <Skeleton className="h-8 w-56" />
      </div>
      <Skeleton className="h-5 w-full" />
      <Skeleton className="h-96 rounded-xl" />
    </div>
  );
}
