"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { ZLoginForm } from "@/server/accounts/form-schemas";
import { safeCallbackPath } from "@/server/auth/safe-callback";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { FormError } from "../forms/form-error";
import { PasswordInput } from "../forms/password-input";

const resolver = lazyZodResolver<typeof ZLoginForm>(() =>
  import("@/server/accounts/form-schemas").then((m) => m.ZLoginForm),
);

export function LoginForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail?: string }) {
  const router = useRouter();
  const form = useForm({ resolver, defaultValues: { email: defaultEmail ?? "", password: "" } });
  const { register, handleSubmit, formState, setError } = form;
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async ({ email, password }) => {
    const res = await signIn("credentials", { email, password, redirect: false });
    if (!res || res.error) {
      const tooMany = res?.error?.includes("Too many");
      setError("root.server", { message: tooMany ? res!.error! : "E-mail or password is not right." });
      return;
    }
    // Checked again against the origin the browser is actually on.
    router.push(safeCallbackPath(callbackUrl, window.location.origin));
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label="E-mail" error={errors.email?.message}>
        <Input type="email" autoComplete="email" autoFocus {...register("email")} />
      </Field>
      <Field label="Password" error={errors.password?.message}>
        <PasswordInput autoComplete="current-password" {...register("password")} />
      </Field>
      <div className="flex justify-end text-sm">
        <Link href="/forgot-password" className="text-brand-700 underline hover:text-brand-900">
          Forgot password?
        </Link>
      </div>
      <FormError message={errors.root?.server?.message} />
      <Button type="submit" variant="primary" className="w-full" pending={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
