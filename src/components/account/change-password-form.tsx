"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "@/components/shell/sign-out";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { ZChangePasswordForm } from "@/server/accounts/form-schemas";
import { useTRPC } from "@/trpc/react";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormError } from "../forms/form-error";
import { PasswordInput } from "../forms/password-input";
import { applyServerError } from "../forms/server-errors";
import { PASSWORD_RULE } from "../auth/password-rule";

const resolver = lazyZodResolver<typeof ZChangePasswordForm>(() =>
  import("@/server/accounts/form-schemas").then((m) => m.ZChangePasswordForm),
);

/** Changing the password signs out every session, this one included. */
export function ChangePasswordForm() {
  const trpc = useTRPC();
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  const { register, handleSubmit, formState, setError } = useForm({
    resolver,
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  const { errors, isSubmitting, isSubmitSuccessful } = formState;

  const onSubmit = handleSubmit(async (values) => {
    try {
      await change.mutateAsync(values);
      await signOut("/login?passwordChanged=1");
    } catch (err) {
      applyServerError(err, setError, ["currentPassword", "newPassword"]);
    }
  });

  const busy = isSubmitting || (isSubmitSuccessful && change.isSuccess);
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      <Field label="Current password" error={errors.currentPassword?.message}>
        <PasswordInput autoComplete="current-password" {...register("currentPassword")} />
      </Field>
      <Field
        label="New password"
        description={`${PASSWORD_RULE} You will be signed out everywhere afterwards.`}
        error={errors.newPassword?.message}
      >
        <PasswordInput autoComplete="new-password" {...register("newPassword")} />
      </Field>
      <FormError message={errors.root?.server?.message} />
      <Button type="submit" variant="primary" pending={busy}>
        {busy ? "Changing password…" : "Change password"}
      </Button>
    </form>
  );
}
