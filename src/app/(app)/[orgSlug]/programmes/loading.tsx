import { ProgrammeListSkeleton } from "@/components/programmes/programme-list";
import { Skeleton } from "@/components/ui/skeleton";

export default function ProgrammesLoading() {
  return (
    <div>
      <Skeleton className="mb-2 h-8 w-48" />
      <Skeleton className="mb-6 h-4 w-96 max-w-full" />
      <ProgrammeListSkeleton />
    </div>
  );
}
