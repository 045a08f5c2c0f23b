import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

/** What a sponsor member sees on a CDMO portal screen: where to go instead. */
export function CdmoOnly({ orgSlug }: { orgSlug: string }) {
  return (
    <Card>
      <EmptyState
        title="The inbox is for CDMO organisations"
        description="CDMOs receive the RFPs sponsors send them here. Your organisation sends RFPs from its programmes."
        action={
          <Link href={`/${orgSlug}`} className="text-sm font-medium text-brand-700 underline">
            Back to the overview
          </Link>
        }
      />
    </Card>
  );
}
