"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import type { ZInviteInput } from "@/server/members/schemas";
import { assignableRoles, type Role } from "@/server/auth/permissions";
import { useTRPC } from "@/trpc/react";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Field } from "../ui/field";
import { Input, Select } from "../ui/input";
import { FormError } from "../forms/form-error";
import { applyServerError } from "../forms/server-errors";
import { roleLabel } from "../shell/labels";
import type { OrgViewer } from "./types";

const resolver = lazyZodResolver<typeof ZInviteInput>(() =>
  import("@/server/members/schemas").then((m) => m.ZInviteInput),
);

export function InviteForm({ viewer }: { viewer: OrgViewer }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invite = useMutation(trpc.members.invite.mutationOptions());
  const roles = assignableRoles(viewer);
  const defaultRole: Role = viewer.kind === "SPONSOR" ? "EVALUATOR" : "RESPONDER";
  const { register, handleSubmit, formState, setError, reset } = useForm({
    resolver,
    defaultValues: { email: "", role: defaultRole },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    try {
      await invite.mutateAsync({ orgSlug: viewer.orgSlug, ...values });
      toast.success(`Invitation sent to ${values.email}`);
      reset({ email: "", role: values.role });
      void queryClient.invalidateQueries({ queryKey: trpc.members.invitations.queryKey() });
    } catch (err) {
      applyServerError(err, setError, ["email", "role"]);
    }
  });

  return (
    <Card aria-labelledby="invite-heading" id="invite">
      <CardHeader
        id="invite-heading"
        title="Invite a colleague"
        description="They receive an e-mail with a link that works for seven days."
      />
      <CardBody>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
            <Field label="Invite by e-mail" error={errors.email?.message}>
              <Input type="email" autoComplete="off" placeholder="name@company.com" {...register("email")} />
            </Field>
            <Field label="Role for new member" error={errors.role?.message}>
              <Select {...register("role")}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {roleLabel(r)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <FormError message={errors.root?.server?.message} />
          <Button type="submit" variant="primary" pending={isSubmitting}>
            {isSubmitting ? "Sending…" : "Send invitation"}
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
