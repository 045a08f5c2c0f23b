import { Skeleton, TableSkeleton } from "@/components/ui/skeleton";

export default function OrgLoading() {
  return (
    <div>
      <Skeleton className="mb-2 h-8 w-64" />
      <Skeleton className="mb-8 h-4 w-96 max-w-full" />
      <div className="rounded-lg border border-line bg-surface">
        <TableSkeleton label="page" />
      </div>
    </div>
  );
}
