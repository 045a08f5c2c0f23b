"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { ZNewPasswordForm } from "@/server/accounts/form-schemas";
import { useTRPC } from "@/trpc/react";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormError } from "../forms/form-error";
import { PasswordInput } from "../forms/password-input";
import { applyServerError } from "../forms/server-errors";
import { PASSWORD_RULE } from "./password-rule";

const resolver = lazyZodResolver<typeof ZNewPasswordForm>(() =>
  import("@/server/accounts/form-schemas").then((m) => m.ZNewPasswordForm),
);

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());
  const { register, handleSubmit, formState, setError } = useForm({
    resolver,
    defaultValues: { password: "" },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async ({ password }) => {
    try {
      await reset.mutateAsync({ token, password });
      router.push("/login?reset=1");
    } catch (err) {
      // A bad token is not a field on this form: it lands in the form-level error.
      applyServerError(err, setError, ["password"]);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label="New password" description={PASSWORD_RULE} error={errors.password?.message}>
        <PasswordInput autoComplete="new-password" autoFocus {...register("password")} />
      </Field>
      <FormError message={errors.root?.server?.message} />
      <Button type="submit" variant="primary" className="w-full" pending={isSubmitting}>
        {isSubmitting ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
