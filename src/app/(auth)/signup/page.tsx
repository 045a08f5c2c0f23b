import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/signup-form";
import { ZEmail, ZNextPath } from "@/server/accounts/form-schemas";
import { firstParam, safeCallbackPath } from "@/server/auth/safe-callback";
import { publicUrl } from "@/server/env";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create an account" };

type Search = Record<string, string | string[] | undefined>;

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  // Coming from an invitation link: come back to it after confirming and signing in.
  const raw = firstParam(sp.callbackUrl) ? safeCallbackPath(sp.callbackUrl, publicUrl(), "") : "";
  const next = raw && ZNextPath.safeParse(raw).success ? raw : undefined;
  const email = ZEmail.safeParse(firstParam(sp.email) ?? "");
  const kind = firstParam(sp.kind) === "CDMO" ? ("CDMO" as const) : undefined;
  const login = next ? `/login?callbackUrl=${encodeURIComponent(next)}` : "/login";
  return (
    <AuthCard
      title="Create your account"
      description={
        next
          ? "You become the owner of a new organisation. After you confirm your e-mail address and sign in, you come back to the invitation."
          : "You become the owner of a new organisation and can invite your team afterwards."
      }
      footer={
        <>
          Already have an account?{" "}
          <Link href={login} className="font-medium text-brand-700 underline hover:text-brand-900">
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm next={next} defaults={{ email: email.success ? email.data : undefined, organizationKind: kind }} />
    </AuthCard>
  );
}
