import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { firstParam } from "@/server/auth/safe-callback";
import { Alert } from "@/components/ui/alert";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const token = firstParam((await searchParams).token);
  return (
    <AuthCard title="Choose a new password">
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="space-y-4">
          <Alert tone="danger">
            This reset link is incomplete. Open the link from the e-mail again, or ask for a new one.
          </Alert>
          <Link href="/forgot-password" className="text-sm font-medium text-brand-700 underline hover:text-brand-900">
            Ask for a new link
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
