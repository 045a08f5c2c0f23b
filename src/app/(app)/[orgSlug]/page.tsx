import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/server/auth/permissions";
import { ChangesList } from "@/components/audit/changes-list";
import { kindLabel, roleLabel } from "@/components/shell/labels";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { serverCaller } from "@/trpc/server";
import { loadOrg } from "./load-org";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { user, org } = await loadOrg(orgSlug);
  const api = await serverCaller();
  const isAdmin = can(org, "members.invite");
  const auditor = can(org, "audit.read");
  const [members, invitations, audit] = await Promise.all([
    api.members.list({ orgSlug }),
    isAdmin ? api.members.invitations({ orgSlug }) : Promise.resolve(null),
    auditor ? api.audit.list({ orgSlug, limit: 5 }) : Promise.resolve(null),
  ]);
  const base = `/${org.slug}`;
  const firstName = user.name?.trim().split(/\s+/)[0] || user.email;

  // Link names here must not repeat the side-nav labels ("Members", "Vendors", "Audit log"):
  // the nav entries are the one link with each name on the page.
  const links = [
    {
      href: `${base}/vendors`,
      title: "Vendor directory",
      text: org.kind === "SPONSOR" ? "Find and compare contract manufacturers." : "The directory sponsors search.",
    },
    {
      href: `${base}/members`,
      title: "Your team",
      text: isAdmin ? "Invite colleagues and manage their roles." : "See who works in this organisation.",
    },
    ...(auditor
      ? [{ href: `${base}/audit`, title: "Change history", text: "Every change, who made it and when." }]
      : []),
    { href: "/account", title: "Profile and password", text: "Your own details and sign-in." },
  ];

  return (
    <>
      <PageHeader
        title={`Welcome, ${firstName}`}
        description={
          <>
            {org.name} · {kindLabel(org.kind)} organisation · your role:{" "}
            <strong className="font-medium text-ink">{roleLabel(org.role)}</strong>
          </>
        }
      />

      <dl className="mb-6 grid gap-4 sm:grid-cols-3">
        <Stat label="Members" value={members.length} />
        {invitations ? <Stat label="Pending invitations" value={invitations.length} /> : null}
        <Stat label="Organisation kind" value={kindLabel(org.kind)} />
      </dl>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="quick-links">
          <CardHeader id="quick-links" title="Quick links" />
          <ul className="divide-y divide-line">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="block px-5 py-3 hover:bg-canvas">
                  <span className="text-sm font-medium text-brand-700">{l.title}</span>
                  <span className="block text-sm text-ink-muted">{l.text}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>

        <Card aria-labelledby="team">
          <CardHeader
            id="team"
            title="Team"
            description={`${members.length} member${members.length === 1 ? "" : "s"}`}
            actions={
              <Link
                href={`${base}/members`}
                className="text-sm font-medium text-brand-700 underline hover:text-brand-900"
              >
                {isAdmin ? "Manage the team" : "See the whole team"}
              </Link>
            }
          />
          <ul className="divide-y divide-line">
            {members.slice(0, 5).map((m) => (
              <li key={m.id} className="flex items-center justify-between gap-3 px-5 py-3">
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium text-ink">
                    {m.user.name || m.user.email}
                    {m.user.id === user.id ? <span className="font-normal text-ink-muted"> (you)</span> : null}
                  </p>
                  <p className="truncate text-xs text-ink-muted">{m.user.email}</p>
                </div>
                <Badge tone={m.role === "OWNER" ? "brand" : "neutral"}>{roleLabel(m.role)}</Badge>
              </li>
            ))}
          </ul>
          {invitations && invitations.length > 0 ? (
            <CardBody className="border-t border-line text-sm text-ink-muted">
              Waiting for:{" "}
              {invitations
                .slice(0, 3)
                .map((i) => i.email)
                .join(", ")}
              {invitations.length > 3 ? ` and ${invitations.length - 3} more` : ""}
            </CardBody>
          ) : null}
        </Card>

        {audit ? (
          <Card aria-labelledby="recent-activity" className="lg:col-span-2">
            <CardHeader
              id="recent-activity"
              title="Recent activity"
              actions={
                <Link
                  href={`${base}/audit`}
                  className="text-sm font-medium text-brand-700 underline hover:text-brand-900"
                >
                  See all activity
                </Link>
              }
            />
            {audit.items.length === 0 ? (
              <EmptyState
                title="No activity yet"
                description="Changes to members, invitations and settings appear here."
              />
            ) : (
              <ol className="divide-y divide-line">
                {audit.items.map((e) => (
                  <li key={e.id} className="grid gap-1 px-5 py-3 sm:grid-cols-[12rem_1fr]">
                    <p className="text-xs text-ink-muted">
                      <LocalTime value={e.at} />
                    </p>
                    <div className="min-w-0">
                      <p className="text-sm text-ink">
                        <span className="font-medium">{e.actionLabel}</span>
                        {e.record ? <span className="text-ink-muted">: {e.record.label}</span> : null}{" "}
                        <span className="text-ink-muted">by {e.actorName ?? e.actorEmail ?? "the system"}</span>
                      </p>
                      <ChangesList changes={e.changed} />
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        ) : null}
      </div>
    </>
  );
}

function Stat({ label, value }: { label: string; value: number | string }) {
  return (
    <div className="rounded-lg border border-line bg-surface px-5 py-4 shadow-sm">
      <dt className="text-sm text-ink-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-ink">{value}</dd>
    </div>
  );
}
