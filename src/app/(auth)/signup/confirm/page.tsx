import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ConfirmSignUp } from "@/components/auth/confirm-sign-up";
import { firstParam, safeCallbackPath } from "@/server/auth/safe-callback";
import { publicUrl } from "@/server/env";
import { Alert } from "@/components/ui/alert";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Finish creating your account" };

export default async function ConfirmSignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const token = firstParam(sp.token);
  // Where the person was going when they signed up (an RFP invitation link), checked again here.
  const next = firstParam(sp.next) ? safeCallbackPath(sp.next, publicUrl(), "") || undefined : undefined;
  return (
    <AuthCard title="Finish creating your account">
      {token ? (
        <ConfirmSignUp token={token} next={next} />
      ) : (
        <div className="space-y-4">
          <Alert tone="danger">This link is incomplete. Open the link from the e-mail again, or sign up again.</Alert>
          <Link href="/signup" className="text-sm font-medium text-brand-700 underline hover:text-brand-900">
            Sign up
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
