import type { Metadata } from "next";
import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ClaimRfpInvite } from "@/components/auth/claim-rfp-invite";
import { DueDate } from "@/components/portal/due-date";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { RFP_STATUS_LABELS } from "@/server/rfps/lifecycle";
import { currentUser, serverCaller } from "@/trpc/server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "RFP invitation" };

async function loadInvite(token: string) {
  try {
    return await (await serverCaller()).rfpInvitation.byToken({ token });
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) return null;
    throw err;
  }
}

/**
 * The link e-mailed to someone a sponsor invited by address: what the RFP is and who sends it;
 * then sign up (as a CDMO, coming back here) or sign in, and accept it for a CDMO organisation.
 */
export default async function RfpInvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [inv, user] = await Promise.all([loadInvite(token), currentUser()]);
  if (!inv) {
    return (
      <AuthCard title="Invitation not found">
        <Alert tone="danger">
          This invitation link is not valid. Check that you copied the whole link from the e-mail, or ask the sponsor to
          invite you again.
        </Alert>
      </AuthCard>
    );
  }

  const here = `/rfp-invite/${token}`;
  const email = inv.email ? `&email=${encodeURIComponent(inv.email)}` : "";
  const orgs = user ? (await (await serverCaller()).account.me()).organizations : [];
  const cdmos = orgs.filter((o) => o.kind === "CDMO");

  return (
    <AuthCard
      title={`${inv.sponsorName} invites you to an RFP`}
      description="Respond on CDMO Select: read the request, ask questions and submit your offer before the due date."
    >
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-md border border-line bg-canvas p-4 text-sm">
        <dt className="text-ink-muted">RFP</dt>
        <dd className="font-medium text-ink">{inv.rfpTitle}</dd>
        <dt className="text-ink-muted">From</dt>
        <dd className="text-ink">{inv.sponsorName}</dd>
        {inv.dueAt ? (
          <>
            <dt className="text-ink-muted">Due</dt>
            <dd className="text-ink">
              <DueDate dueAt={inv.dueAt} timeZone={inv.timeZone} compact />
            </dd>
          </>
        ) : null}
        {inv.email ? (
          <>
            <dt className="text-ink-muted">Sent to</dt>
            <dd className="break-all text-ink">{inv.email}</dd>
          </>
        ) : null}
        {inv.rfpStatus !== "PUBLISHED" ? (
          <>
            <dt className="text-ink-muted">Status</dt>
            <dd className="text-ink">{RFP_STATUS_LABELS[inv.rfpStatus]}</dd>
          </>
        ) : null}
      </dl>

      {inv.status === "REVOKED" ? (
        <Alert tone="danger">The sponsor withdrew this invitation. Contact them if you still want to respond.</Alert>
      ) : inv.status === "CLAIMED" ? (
        <div className="space-y-4">
          <Alert tone="info">
            This invitation was already accepted. If it was by your organisation, the RFP is in its inbox.
          </Alert>
          <Link
            href={user ? "/" : `/login?callbackUrl=${encodeURIComponent("/")}`}
            className={buttonClasses("primary", "md", "w-full")}
          >
            {user ? "Go to your workspace" : "Sign in"}
          </Link>
        </div>
      ) : !user ? (
        <div className="space-y-3">
          <p className="text-sm text-ink-muted">
            New to CDMO Select? Create a free account for your CDMO. Already have one? Sign in to accept.
          </p>
          <Link
            href={`/signup?callbackUrl=${encodeURIComponent(here)}&kind=CDMO${email}`}
            className={buttonClasses("primary", "md", "w-full")}
          >
            Create a CDMO account
          </Link>
          <Link
            href={`/login?callbackUrl=${encodeURIComponent(here)}${email}`}
            className={buttonClasses("secondary", "md", "w-full")}
          >
            Sign in
          </Link>
        </div>
      ) : cdmos.length ? (
        <ClaimRfpInvite token={token} orgs={cdmos.map((o) => ({ slug: o.slug, name: o.name }))} />
      ) : (
        <div className="space-y-4">
          <Alert tone="warning">
            You are signed in as {user.email}, who belongs to no CDMO organisation. Only a CDMO can respond to an RFP.
            Create a CDMO organisation, then open this link again, or sign in with another account.
          </Alert>
          <Link href="/orgs/new" className={buttonClasses("primary", "md", "w-full")}>
            Create a CDMO organisation
          </Link>
          <SignOutButton
            callbackUrl={`/login?callbackUrl=${encodeURIComponent(here)}`}
            label="Sign out and switch account"
          />
        </div>
      )}
    </AuthCard>
  );
}
