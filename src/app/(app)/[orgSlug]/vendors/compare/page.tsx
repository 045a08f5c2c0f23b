import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { CompareView } from "@/components/vendors/compare-view";
import { loadOrg } from "../../load-org";
import { SponsorOnly } from "../sponsor-only";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare vendors" };

export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { orgSlug } = await params;
  const { org } = await loadOrg(orgSlug);
  const raw = (await searchParams).ids;
  const ids = [
    ...new Set(
      (Array.isArray(raw) ? raw.join(",") : (raw ?? ""))
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].slice(0, 4);
  return (
    <>
      <PageHeader
        title="Compare vendors"
        description="Up to four vendors side by side: key facts, capabilities and quality history."
      />
      {org.kind === "SPONSOR" ? (
        <CompareView key={ids.join(",")} orgSlug={org.slug} ids={ids} />
      ) : (
        <SponsorOnly orgSlug={org.slug} />
      )}
    </>
  );
}
