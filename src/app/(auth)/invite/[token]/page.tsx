import type { Metadata } from "next";
import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { AcceptInvitation } from "@/components/auth/accept-invitation";
import { AuthCard } from "@/components/auth/auth-card";
import { InviteSignUpForm } from "@/components/auth/invite-signup-form";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { currentUser, serverCaller } from "@/trpc/server";
import { kindLabel, roleLabel } from "@/components/shell/labels";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invitation" };

const STATUS = {
  PENDING: { label: "Pending", tone: "brand" },
  ACCEPTED: { label: "Accepted", tone: "success" },
  EXPIRED: { label: "Expired", tone: "warning" },
  REVOKED: { label: "Revoked", tone: "danger" },
} as const;

async function loadInvitation(token: string) {
  try {
    return await (await serverCaller()).invitation.get({ token });
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) return null;
    throw err;
  }
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [inv, user] = await Promise.all([loadInvitation(token), currentUser()]);

  if (!inv) {
    return (
      <AuthCard title="Invitation not found">
        <Alert tone="danger">
          This invitation link is not valid. Check that you copied the whole link, or ask for a new invitation.
        </Alert>
      </AuthCard>
    );
  }

  const status = STATUS[inv.status];
  const here = `/invite/${token}`;
  const mismatch = user && user.email.toLowerCase() !== inv.email.toLowerCase();

  return (
    <AuthCard title={`Join ${inv.organizationName}`} description="You have been invited to a workspace on CDMO Select.">
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-md border border-line bg-canvas p-4 text-sm">
        <dt className="text-ink-muted">Organisation</dt>
        <dd className="font-medium text-ink">
          {inv.organizationName} <Badge className="ml-1">{kindLabel(inv.organizationKind)}</Badge>
        </dd>
        <dt className="text-ink-muted">Role</dt>
        <dd className="text-ink">{roleLabel(inv.role)}</dd>
        <dt className="text-ink-muted">E-mail</dt>
        <dd className="break-all text-ink">{inv.email}</dd>
        <dt className="text-ink-muted">Status</dt>
        <dd>
          <Badge tone={status.tone}>{status.label}</Badge>
        </dd>
      </dl>

      {inv.status === "ACCEPTED" ? (
        <div className="space-y-4">
          <Alert tone="info">This invitation was already accepted.</Alert>
          <Link
            href={user ? "/" : `/login?callbackUrl=${encodeURIComponent("/")}`}
            className={buttonClasses("primary", "md", "w-full")}
          >
            {user ? "Go to your workspace" : "Sign in"}
          </Link>
        </div>
      ) : inv.status === "EXPIRED" ? (
        <Alert tone="warning">This invitation has expired. Ask the person who invited you for a new one.</Alert>
      ) : inv.status === "REVOKED" ? (
        <Alert tone="danger">
          This invitation was withdrawn. Ask the organisation for a new one if you still need access.
        </Alert>
      ) : user ? (
        <div className="space-y-4">
          {mismatch ? (
            <Alert tone="warning">
              You are signed in as {user.email}, but this invitation is for {inv.email}. Sign out and sign in with that
              address to accept it.
            </Alert>
          ) : null}
          <AcceptInvitation token={token} />
          {mismatch ? (
            <SignOutButton
              callbackUrl={`/login?callbackUrl=${encodeURIComponent(here)}`}
              label="Sign out and switch account"
            />
          ) : null}
        </div>
      ) : inv.hasAccount ? (
        <div className="space-y-3">
          <p className="text-sm text-ink-muted">You already have an account with {inv.email}.</p>
          <Link
            href={`/login?callbackUrl=${encodeURIComponent(here)}&email=${encodeURIComponent(inv.email)}`}
            className={buttonClasses("primary", "md", "w-full")}
          >
            Sign in to accept
          </Link>
        </div>
      ) : (
        <InviteSignUpForm token={token} email={inv.email} />
      )}
    </AuthCard>
  );
}
