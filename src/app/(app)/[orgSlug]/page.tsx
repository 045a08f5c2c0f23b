import type { Metadata } from "next";
import { can } from "@/server/auth/permissions";
import { kindLabel, roleLabel } from "@/components/shell/labels";
import { CdmoOverview } from "@/components/overview/cdmo-overview";
import { Quiet, Section } from "@/components/overview/parts";
import { SponsorOverview } from "@/components/overview/sponsor-overview";
import { ButtonLink } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { icons } from "@/components/ui/icons";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { serverCaller } from "@/trpc/server";
import { loadOrg } from "./load-org";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Overview" };

// What needs the organisation's attention, rendered on the server (the first HTML has it):
// overview.get in one request, with the latest audit entries for those who may read them.
// Link names here must not repeat the side-nav labels ("Members", "Vendors", "Inbox"...):
// the nav entries are the one link with each name on the page.
export default async function OverviewPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { user, org } = await loadOrg(orgSlug);
  const api = await serverCaller();
  const auditor = can(org, "audit.read");
  const [data, audit] = await Promise.all([
    api.overview.get({ orgSlug }),
    auditor ? api.audit.list({ orgSlug, limit: 5 }) : Promise.resolve(null),
  ]);
  const base = `/${org.slug}`;
  const firstName = user.name?.trim().split(/\s+/)[0] || user.email;
  const canInvite = can(org, "members.invite");
  const now = new Date();

  const primary =
    data.kind === "SPONSOR" && can(org, "programme.write") ? (
      <ButtonLink href={`${base}/programmes/new`} variant="primary">
        <Icon icon={icons.plus} />
        New programme
      </ButtonLink>
    ) : data.kind === "CDMO" && data.openCount > 0 ? (
      <ButtonLink href={`${base}/inbox`} variant="primary">
        <Icon icon={icons.send} />
        Answer invitations
      </ButtonLink>
    ) : null;

  return (
    <>
      <PageHeader
        title={`Welcome, ${firstName}`}
        description={
          <>
            {org.name} · {kindLabel(org.kind)} · your role:{" "}
            <strong className="font-medium text-ink">{roleLabel(org.role)}</strong>
          </>
        }
        actions={primary}
      />

      {data.kind === "SPONSOR" ? (
        <SponsorOverview
          data={data}
          base={base}
          canWrite={can(org, "programme.write")}
          canInvite={canInvite}
          now={now}
        />
      ) : (
        <CdmoOverview
          data={data}
          base={base}
          canEditProfile={can(org, "profile.write")}
          canInvite={canInvite}
          now={now}
        />
      )}

      <div className="mt-6 grid items-start gap-6 xl:grid-cols-3">
        <Section
          id="team"
          title="Team"
          icon={icons.users}
          className="xl:order-last"
          more={{ href: `${base}/members`, label: canInvite ? "Manage the team" : "See the team" }}
        >
          <p className="px-4 py-3 text-sm text-ink">
            {data.team.members} {data.team.members === 1 ? "person" : "people"}
            {data.team.pendingInvitations ? (
              <span className="text-ink-muted">
                {" "}
                · {data.team.pendingInvitations} invitation{data.team.pendingInvitations === 1 ? "" : "s"} pending
              </span>
            ) : null}
          </p>
        </Section>

        {audit ? (
          <Section
            id="recent-activity"
            title="Recent activity"
            icon={icons.history}
            className="xl:col-span-2"
            more={{ href: `${base}/audit`, label: "See all activity" }}
          >
            {audit.items.length === 0 ? (
              <Quiet>Changes to programmes, RFPs, members and settings appear here.</Quiet>
            ) : (
              <ol className="divide-y divide-line">
                {audit.items.map((e) => (
                  <li key={e.id} className="flex items-baseline justify-between gap-4 px-4 py-2.5">
                    <p className="min-w-0 flex-1 text-sm break-words text-ink">
                      <span className="font-medium">{e.actionLabel}</span>
                      {e.record ? <span className="text-ink-muted">: {e.record.label}</span> : null}{" "}
                      <span className="text-ink-muted">by {e.actorName ?? e.actorEmail ?? "the system"}</span>
                    </p>
                    <p className="shrink-0 text-xs text-ink-muted">
                      <LocalTime value={e.at} />
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </Section>
        ) : null}
      </div>
    </>
  );
}
