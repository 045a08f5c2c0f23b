import type { ReactNode } from "react";
import { can } from "@/server/auth/permissions";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { SideNav, type NavItem } from "@/components/shell/side-nav";
import { SkipLink } from "@/components/shell/skip-link";
import { TopBar } from "@/components/shell/top-bar";
import { serverCaller } from "@/trpc/server";
import { loadOrg } from "./load-org";

export const dynamic = "force-dynamic";

export default async function OrgLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ orgSlug: string }>;
}) {
  const { orgSlug } = await params;
  const { org } = await loadOrg(orgSlug);
  const me = await (await serverCaller()).account.me();
  const base = `/${org.slug}`;
  const nav: NavItem[] = [
    { href: base, label: "Overview", exact: true },
    // A CDMO's invitations to RFPs, and the RFPs themselves.
    ...(can(org, "portal.read") ? [{ href: `${base}/inbox`, label: "Inbox" }] : []),
    // Sponsors search the directory; a CDMO edits the public profile sponsors find there.
    ...(can(org, "programme.read") ? [{ href: `${base}/programmes`, label: "Programmes" }] : []),
    ...(can(org, "directory.read") ? [{ href: `${base}/vendors`, label: "Vendors" }] : []),
    ...(can(org, "profile.read") ? [{ href: `${base}/profile`, label: "Public profile" }] : []),
    { href: `${base}/members`, label: "Members" },
    ...(can(org, "audit.read") ? [{ href: `${base}/audit`, label: "Audit log" }] : []),
  ];
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <TopBar user={me.user}>
        <OrgSwitcher current={{ slug: org.slug, name: org.name, kind: org.kind }} organizations={me.organizations} />
      </TopBar>
      <div className="flex flex-1 flex-col md:flex-row">
        <div className="border-b border-line bg-surface md:w-56 md:shrink-0 md:border-r md:border-b-0">
          <SideNav items={nav} />
        </div>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 sm:px-8 sm:py-8 focus:outline-none">
          <div className="mx-auto max-w-6xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
