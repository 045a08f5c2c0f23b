"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { Card, CardBody } from "../ui/card";
import { VendorForm } from "./vendor-form";

/** Create a private vendor record (a CDMO not on the platform), then open it. */
export function NewVendor({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const create = useMutation(trpc.vendors.createPrivate.mutationOptions());
  return (
    <Card>
      <CardBody>
        <VendorForm
          submitLabel="Create vendor"
          onCancel={() => router.push(`/${orgSlug}/vendors`)}
          onSubmit={async (values) => {
            const { id } = await create.mutateAsync({ orgSlug, ...values });
            toast.success(`${values.name} added to your directory`);
            await qc.invalidateQueries({ queryKey: trpc.vendors.pathKey() });
            router.push(`/${orgSlug}/vendors/${id}`);
          }}
        />
      </CardBody>
    </Card>
  );
}
