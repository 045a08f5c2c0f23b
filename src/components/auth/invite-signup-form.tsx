"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { ZInviteSignUpForm } from "@/server/accounts/form-schemas";
import { useTRPC } from "@/trpc/react";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { FormError } from "../forms/form-error";
import { PasswordInput } from "../forms/password-input";
import { applyServerError } from "../forms/server-errors";
import { PASSWORD_RULE } from "./password-rule";

const resolver = lazyZodResolver<typeof ZInviteSignUpForm>(() =>
  import("@/server/accounts/form-schemas").then((m) => m.ZInviteSignUpForm),
);

/** New person joining through an invitation: the account is created and the invitation accepted at once. */
export function InviteSignUpForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const signUp = useMutation(trpc.account.signUpWithInvitation.mutationOptions());
  const { register, handleSubmit, formState, setError } = useForm({
    resolver,
    defaultValues: { name: "", password: "" },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    try {
      const res = await signUp.mutateAsync({ token, ...values });
      const login = await signIn("credentials", {
        email: res.email ?? email,
        password: values.password,
        redirect: false,
      });
      if (!login || login.error) {
        router.push(`/login?callbackUrl=${encodeURIComponent(`/${res.orgSlug}`)}`);
        return;
      }
      router.push(`/${res.orgSlug}`);
      router.refresh();
    } catch (err) {
      applyServerError(err, setError, ["name", "password"]);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-ink">E-mail</p>
        <p className="text-sm text-ink-muted">{email}</p>
      </div>
      <Field label="Your name" error={errors.name?.message}>
        <Input autoComplete="name" autoFocus {...register("name")} />
      </Field>
      <Field label="Password" description={PASSWORD_RULE} error={errors.password?.message}>
        <PasswordInput autoComplete="new-password" {...register("password")} />
      </Field>
      <FormError message={errors.root?.server?.message} />
      <Button type="submit" variant="primary" className="w-full" pending={isSubmitting}>
        {isSubmitting ? "Creating account…" : "Create account and join"}
      </Button>
    </form>
  );
}
