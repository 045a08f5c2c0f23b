"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { ZRequestResetInput } from "@/server/accounts/form-schemas";

const resolver = lazyZodResolver<typeof ZRequestResetInput>(() =>
  import("@/server/accounts/form-schemas").then((m) => m.ZRequestResetInput),
);
import { useTRPC } from "@/trpc/react";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { FormError } from "../forms/form-error";
import { applyServerError } from "../forms/server-errors";

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.account.requestPasswordReset.mutationOptions());
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm({
    resolver,
    defaultValues: { email: "" },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    try {
      await request.mutateAsync(values);
      setSentTo(values.email);
    } catch (err) {
      applyServerError(err, setError, ["email"]);
    }
  });

  if (sentTo) {
    return (
      <div className="space-y-4">
        <Alert tone="success" title="Check your inbox">
          If an account exists for {sentTo}, we sent a link to reset the password. The link works for a limited time.
        </Alert>
        <Link href="/login" className="text-sm text-brand-700 underline hover:text-brand-900">
          Back to sign in
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label="E-mail" error={errors.email?.message}>
        <Input type="email" autoComplete="email" autoFocus {...register("email")} />
      </Field>
      <FormError message={errors.root?.server?.message} />
      <Button type="submit" variant="primary" className="w-full" pending={isSubmitting}>
        {isSubmitting ? "Sending link…" : "Send reset link"}
      </Button>
    </form>
  );
}
