import type { ReactNode } from "react";
import { can } from "@/server/auth/permissions";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { SideNav, type NavItem } from "@/components/shell/side-nav";
import { SkipLink } from "@/components/shell/skip-link";
import { TopBar } from "@/components/shell/top-bar";
import { Icon } from "@/components/ui/icon";
import { icons } from "@/components/ui/icons";
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
    { href: base, label: "Overview", exact: true, icon: <Icon icon={icons.overview} /> },
    // A CDMO's invitations to RFPs, and the RFPs themselves.
    ...(can(org, "portal.read") ? [{ href: `${base}/inbox`, label: "Inbox", icon: <Icon icon={icons.inbox} /> }] : []),
    // Sponsors search the directory; a CDMO edits the public profile sponsors find there.
    ...(can(org, "programme.read")
      ? [{ href: `${base}/programmes`, label: "Programmes", icon: <Icon icon={icons.programmes} /> }]
      : []),
    ...(can(org, "directory.read")
      ? [{ href: `${base}/vendors`, label: "Vendors", icon: <Icon icon={icons.building} /> }]
      : []),
    ...(can(org, "profile.read")
      ? [{ href: `${base}/profile`, label: "Public profile", icon: <Icon icon={icons.idCard} /> }]
      : []),
    { href: `${base}/members`, label: "Members", icon: <Icon icon={icons.users} /> },
    ...(can(org, "audit.read")
      ? [{ href: `${base}/audit`, label: "Audit log", icon: <Icon icon={icons.history} /> }]
      : []),
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
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 sm:px-8 sm:py-7 focus:outline-none">
          <div className="mx-auto max-w-7xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
