import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { firstParam, safeCallbackPath } from "@/server/auth/safe-callback";
import { publicUrl } from "@/server/env";
import { Alert } from "@/components/ui/alert";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type Search = Record<string, string | string[] | undefined>;

export default async function LoginPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackPath(sp.callbackUrl, publicUrl());
  return (
    <AuthCard
      title="Sign in to CDMO Select"
      footer={
        <>
          New here?{" "}
          <Link href="/signup" className="font-medium text-brand-700 underline hover:text-brand-900">
            Create an account
          </Link>
        </>
      }
    >
      <div className="space-y-4">
        {firstParam(sp.passwordChanged) === "1" ? (
          <Alert tone="success">
            Your password was changed and you were signed out everywhere. Sign in with the new password.
          </Alert>
        ) : null}
        {firstParam(sp.created) === "1" ? (
          <Alert tone="success">Your account is ready. Sign in to open your organisation.</Alert>
        ) : null}
        {firstParam(sp.reset) === "1" ? (
          <Alert tone="success">Your password was reset. Sign in with the new password.</Alert>
        ) : null}
        <LoginForm callbackUrl={callbackUrl} defaultEmail={firstParam(sp.email)} />
      </div>
    </AuthCard>
  );
}
