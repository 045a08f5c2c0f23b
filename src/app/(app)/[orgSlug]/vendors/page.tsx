import type { Metadata } from "next";
import { VendorDirectory } from "@/components/vendors/vendor-directory";
import { ButtonLink } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { icons } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { parseState, toDirectoryInput } from "@/components/vendors/directory-params";
import { can } from "@/server/auth/permissions";
import { HydrateClient } from "@/trpc/hydrate";
import { serverQueryClient, serverTrpc } from "@/trpc/server";
import { loadOrg } from "../load-org";
import { SponsorOnly } from "./sponsor-only";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Vendors" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function VendorsPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { orgSlug } = await params;
  const { org } = await loadOrg(orgSlug);
  if (org.kind === "SPONSOR") {
    // The rows the URL asks for, read on the server with the browser's query key, so the first
    // HTML has them (the table is the page's largest content).
    const state = parseState(readable(await searchParams));
    await serverQueryClient().prefetchQuery(
      serverTrpc.vendors.directory.queryOptions(toDirectoryInput(org.slug, state)),
    );
  }
  return (
    <>
      <PageHeader
        title="Vendors"
        description="Contract manufacturers on the platform and your own private records, with their FDA quality history."
        actions={
          org.kind === "SPONSOR" && can(org, "vendor.createPrivate") ? (
            <>
              <ButtonLink href={`/${org.slug}/vendors/import`}>
                <Icon icon={icons.upload} />
                Import FDA data
              </ButtonLink>
              <ButtonLink href={`/${org.slug}/vendors/new`} variant="primary">
                <Icon icon={icons.plus} />
                Add private vendor
              </ButtonLink>
            </>
          ) : null
        }
      />
      {org.kind === "SPONSOR" ? (
        <HydrateClient>
          <VendorDirectory viewer={{ orgSlug: org.slug, kind: org.kind, role: org.role }} />
        </HydrateClient>
      ) : (
        <SponsorOnly orgSlug={org.slug} />
      )}
    </>
  );
}

/** `URLSearchParams.get` over Next's search params: the first value of a repeated key. */
function readable(sp: SearchParams) {
  return { get: (k: string) => [sp[k]].flat()[0] ?? null };
}
