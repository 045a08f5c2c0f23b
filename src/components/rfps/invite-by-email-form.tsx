"use client";

import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";
import { useTRPC } from "@/trpc/react";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { ZInviteEmailForm } from "@/server/rfps/invitation-schemas";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { FormError } from "../forms/form-error";
import { applyServerError } from "../forms/server-errors";

const resolver = lazyZodResolver<typeof ZInviteEmailForm>(() =>
  import("@/server/rfps/invitation-schemas").then((m) => m.ZInviteEmailForm),
);
type FormValues = z.input<typeof ZInviteEmailForm>;

/** Invite someone who is not on the platform: the link in their e-mail leads through sign-up. */
export function InviteByEmailForm({
  orgSlug,
  rfpId,
  draft,
  onInvited,
}: {
  orgSlug: string;
  rfpId: string;
  draft: boolean;
  onInvited: () => void;
}) {
  const trpc = useTRPC();
  const invite = useMutation(trpc.rfpInvitation.addEmail.mutationOptions());
  const { register, handleSubmit, formState, setError, reset } = useForm<
    FormValues,
    unknown,
    z.output<typeof ZInviteEmailForm>
  >({
    resolver,
    defaultValues: { email: "", name: "" },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    try {
      const res = await invite.mutateAsync({ orgSlug, rfpId, ...values });
      toast.success(
        res.sent ? `Invitation e-mailed to ${values.email}.` : `${values.email} will be invited when you publish.`,
      );
      reset({ email: "", name: "" });
      onInvited();
    } catch (err) {
      applyServerError(err, setError, ["email", "name"]);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-labelledby="invite-email-heading">
      <h3 id="invite-email-heading" className="text-sm font-semibold text-ink">
        By e-mail (not on the platform)
      </h3>
      <Field label="E-mail address" error={errors.email?.message}>
        <Input type="email" autoComplete="off" placeholder="bd@cdmo.example" {...register("email")} />
      </Field>
      <Field
        label="Company or person (optional)"
        description="How the invitee is listed for your team."
        error={errors.name?.message}
      >
        <Input autoComplete="off" {...register("name")} />
      </Field>
      <FormError message={errors.root?.server?.message} />
      <Button type="submit" variant="secondary" pending={isSubmitting}>
        {isSubmitting ? "Inviting…" : draft ? "Add to invitations" : "Send invitation"}
      </Button>
    </form>
  );
}
