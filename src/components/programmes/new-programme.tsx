"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { ProgrammeForm } from "./programme-form";

/** Create a programme, then open its home page. */
export function NewProgramme({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const create = useMutation(trpc.programme.create.mutationOptions());
  return (
    <ProgrammeForm
      submitLabel="Create programme"
      onCancel={() => router.push(`/${orgSlug}/programmes`)}
      onSubmit={async (values) => {
        const { id } = await create.mutateAsync({ orgSlug, ...values });
        toast.success(`${values.name} created`);
        await qc.invalidateQueries({ queryKey: trpc.programme.pathKey() });
        router.push(`/${orgSlug}/programmes/${id}`);
      }}
    />
  );
}
