import { Card } from "@/components/ui/card";
import { Skeleton, TableSkeleton } from "@/components/ui/skeleton";

// Shown while any programme page loads, so it imports nothing from the pages themselves (the
// programme list's table would otherwise be part of every programme page's first load).
export default function ProgrammesLoading() {
  return (
    <div>
      <Skeleton className="mb-2 h-8 w-48" />
      <Skeleton className="mb-6 h-4 w-96 max-w-full" />
      <Card>
        <TableSkeleton label="programmes" rows={5} />
      </Card>
    </div>
  );
}
