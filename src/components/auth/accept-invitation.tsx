"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/trpc/react";
import { Button } from "../ui/button";
import { FormError } from "../forms/form-error";
import { errorMessage } from "../forms/server-errors";

export function AcceptInvitation({ token }: { token: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      onSuccess: ({ orgSlug }) => {
        router.push(`/${orgSlug}`);
        router.refresh();
      },
    }),
  );
  const busy = accept.isPending || accept.isSuccess;
  return (
    <div className="space-y-4">
      <FormError message={accept.error ? errorMessage(accept.error) : undefined} />
      <Button variant="primary" className="w-full" pending={busy} onClick={() => accept.mutate({ token })}>
        {busy ? "Accepting…" : "Accept invitation"}
      </Button>
    </div>
  );
}
