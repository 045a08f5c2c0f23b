import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SessionsCard } from "@/components/account/sessions-card";
import { EmailPreferences } from "@/components/notifications/email-preferences";
import { kindLabel, roleLabel } from "@/components/shell/labels";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { currentUser, serverCaller } from "@/trpc/server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  if (!(await currentUser())) redirect("/login?callbackUrl=/account");
  const me = await (await serverCaller()).account.me();
  return (
    <>
      <PageHeader
        title="Account"
        description="Your profile, your organisations, your e-mail notifications, where you are signed in and your password."
      />
      <div className="space-y-6">
        <Card aria-labelledby="profile-heading">
          <CardHeader id="profile-heading" title="Profile" />
          <CardBody>
            <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
              <dt className="text-ink-muted">Name</dt>
              <dd className="text-ink">{me.user.name || "—"}</dd>
              <dt className="text-ink-muted">E-mail</dt>
              <dd className="break-all text-ink">{me.user.email}</dd>
            </dl>
          </CardBody>
        </Card>

        <Card aria-labelledby="orgs-heading">
          <CardHeader
            id="orgs-heading"
            title="Your organisations"
            actions={
              <Link href="/orgs/new" className="text-sm font-medium text-brand-700 underline hover:text-brand-900">
                New organisation
              </Link>
            }
          />
          {me.organizations.length === 0 ? (
            <EmptyState
              title="You are not in any organisation yet"
              description="Create one, or open an invitation link you received."
            />
          ) : (
            <ul className="divide-y divide-line">
              {me.organizations.map((o) => (
                <li key={o.slug} className="flex items-center justify-between gap-3 px-5 py-3">
                  <Link
                    href={`/${o.slug}`}
                    className="text-sm font-medium text-brand-700 underline hover:text-brand-900"
                  >
                    {o.name}
                  </Link>
                  <span className="flex gap-2">
                    <Badge tone={o.kind === "CDMO" ? "warning" : "brand"}>{kindLabel(o.kind)}</Badge>
                    <Badge>{roleLabel(o.role)}</Badge>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card aria-labelledby="notifications-heading" id="notifications" className="scroll-mt-20">
          <CardHeader
            id="notifications-heading"
            title="E-mail notifications"
            description="Every notification appears under the bell. Choose which ones also reach you by e-mail."
          />
          <CardBody className="py-1">
            <EmailPreferences />
          </CardBody>
        </Card>

        <Card aria-labelledby="sessions-heading" id="sessions" className="scroll-mt-20">
          <CardHeader
            id="sessions-heading"
            title="Where you are signed in"
            description="Sign out a browser you no longer use, or every one but this."
          />
          <CardBody className="py-1">
            <SessionsCard />
          </CardBody>
        </Card>

        <Card aria-labelledby="password-heading">
          <CardHeader
            id="password-heading"
            title="Change password"
            description="For your security, changing it signs you out on every device."
          />
          <CardBody>
            <ChangePasswordForm />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
