import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

/** What a CDMO member sees on a sponsor-only vendor screen: where to go instead. */
export function SponsorOnly({ orgSlug }: { orgSlug: string }) {
  return (
    <Card>
      <EmptyState
        title="The vendor directory is for sponsor organisations"
        description="Sponsors search it to find manufacturers like you. Keep your public profile up to date so they find you."
        action={
          <Link href={`/${orgSlug}/profile`} className="text-sm font-medium text-brand-700 underline">
            Edit your public profile
          </Link>
        }
      />
    </Card>
  );
}
