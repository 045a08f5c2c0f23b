"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { ZCreateOrganizationInput } from "@/server/accounts/form-schemas";
import { useTRPC } from "@/trpc/react";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { FormError } from "../forms/form-error";
import { applyServerError } from "../forms/server-errors";
import { KindRadioCards } from "../auth/kind-radio-cards";

const resolver = lazyZodResolver<typeof ZCreateOrganizationInput>(() =>
  import("@/server/accounts/form-schemas").then((m) => m.ZCreateOrganizationInput),
);

export function NewOrgForm() {
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.organization.create.mutationOptions());
  const { register, handleSubmit, formState, setError } = useForm({
    resolver,
    defaultValues: { name: "", kind: "SPONSOR" as const },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    try {
      const { slug } = await create.mutateAsync(values);
      router.push(`/${slug}`);
      router.refresh();
    } catch (err) {
      applyServerError(err, setError, ["name", "kind"]);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label="Organisation name" error={errors.name?.message}>
        <Input autoComplete="organization" autoFocus {...register("name")} />
      </Field>
      <KindRadioCards registration={register("kind")} error={errors.kind?.message} />
      <FormError message={errors.root?.server?.message} />
      <Button type="submit" variant="primary" className="w-full" pending={isSubmitting}>
        {isSubmitting ? "Creating organisation…" : "Create organisation"}
      </Button>
    </form>
  );
}
