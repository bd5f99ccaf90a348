import { Skeleton } from "@/components/ui/skeleton";

export default function ProjectLoading() {
  return (
    <div className="mx-auto grid w-full max-w-7xl gap-4" role="status" aria-label="Loading project">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-2 w-full" />
      <div className="grid gap-3 md:grid-cols-3">
        {[0, 1, 2].map((column) => (
          <Skeleton key={column} className="h-64 rounded-xl" />
        ))}
      </div>
    </div>
  );
}
