"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { ZSignUpForm } from "@/server/accounts/form-schemas";

const resolver = lazyZodResolver<typeof ZSignUpForm>(() =>
  import("@/server/accounts/form-schemas").then((m) => m.ZSignUpForm),
);
import { useTRPC } from "@/trpc/react";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { FormError } from "../forms/form-error";
import { PasswordInput } from "../forms/password-input";
import { applyServerError } from "../forms/server-errors";
import { KindRadioCards } from "./kind-radio-cards";
import { PASSWORD_RULE } from "./password-rule";

/**
 * `next`: where to continue after confirming and signing in (the e-mailed confirmation link
 * carries it); `defaults` prefill the form (an RFP invitation knows the address and that a
 * CDMO organisation is wanted).
 */
export function SignUpForm({
  next,
  defaults,
}: {
  next?: string;
  defaults?: { email?: string; organizationKind?: "SPONSOR" | "CDMO" };
} = {}) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const trpc = useTRPC();
  const signUp = useMutation(trpc.account.signUp.mutationOptions());
  const { register, handleSubmit, formState, setError } = useForm({
    resolver,
    defaultValues: {
      name: "",
      email: defaults?.email ?? "",
      password: "",
      organizationName: "",
      organizationKind: defaults?.organizationKind ?? ("SPONSOR" as const),
    },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    try {
      // The answer is the same whether or not the address has an account; the e-mail differs.
      await signUp.mutateAsync({ ...values, ...(next ? { next } : {}) });
      setSentTo(values.email);
    } catch (err) {
      applyServerError(err, setError, ["name", "email", "password", "organizationName", "organizationKind"]);
    }
  });

  if (sentTo) {
    return (
      <Alert tone="success" title="Check your e-mail">
        We sent a message to {sentTo}. Open the link in it to finish creating your account.
      </Alert>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label="Your name" error={errors.name?.message}>
        <Input autoComplete="name" autoFocus {...register("name")} />
      </Field>
      <Field label="E-mail" error={errors.email?.message}>
        <Input type="email" autoComplete="email" {...register("email")} />
      </Field>
      <Field label="Password" description={PASSWORD_RULE} error={errors.password?.message}>
        <PasswordInput autoComplete="new-password" {...register("password")} />
      </Field>
      <Field label="Organisation name" error={errors.organizationName?.message}>
        <Input autoComplete="organization" {...register("organizationName")} />
      </Field>
      <KindRadioCards registration={register("organizationKind")} error={errors.organizationKind?.message} />
      <FormError message={errors.root?.server?.message} />
      <Button type="submit" variant="primary" className="w-full" pending={isSubmitting}>
        {isSubmitting ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
