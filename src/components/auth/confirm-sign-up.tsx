"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { Button } from "../ui/button";
import { FormError } from "../forms/form-error";

/** A button rather than an action on page load: mail scanners open links without meaning to sign up. */
export function ConfirmSignUp({ token, next }: { token: string; next?: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const confirm = useMutation(trpc.account.confirmSignUp.mutationOptions());
  const [error, setError] = useState<string | undefined>();

  const onClick = async () => {
    try {
      const { orgSlug, email } = await confirm.mutateAsync({ token });
      router.push(
        `/login?created=1&email=${encodeURIComponent(email)}&callbackUrl=${encodeURIComponent(next ?? `/${orgSlug}`)}`,
      );
    } catch (err) {
      setError(err instanceof Error ? err.message : "Something went wrong. Try again.");
    }
  };

  return (
    <div className="space-y-4">
      <p className="text-sm text-ink-muted">
        Create your account and your organisation, then sign in with the password you chose.
      </p>
      <FormError message={error} />
      <Button
        type="button"
        variant="primary"
        className="w-full"
        pending={confirm.isPending}
        onClick={() => void onClick()}
      >
        {confirm.isPending ? "Creating account…" : "Create my account"}
      </Button>
    </div>
  );
}
