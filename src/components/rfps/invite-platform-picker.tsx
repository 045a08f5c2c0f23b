"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Skeleton } from "../ui/skeleton";
import { errorMessage } from "../forms/server-errors";
import { countryName } from "../vendors/options";

/** Search the directory's platform CDMOs by name and invite one with a click. */
export function InvitePlatformPicker({
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
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(t);
  }, [text]);
  const profiles = useQuery(trpc.vendors.platformProfiles.queryOptions({ orgSlug, q: q || undefined }));
  const invitations = useQuery(trpc.rfpInvitation.list.queryOptions({ orgSlug, rfpId }));
  const invitedVendors = new Set(
    (invitations.data ?? []).filter((i) => !i.revokedAt && i.vendorId).map((i) => i.vendorId as string),
  );
  const invite = useMutation(
    trpc.rfpInvitation.addPlatform.mutationOptions({
      onSuccess: (res, vars) => {
        const name = profiles.data?.find((p) => p.id === vars.vendorId)?.name ?? "The CDMO";
        toast.success(res.sent ? `${name} is invited and notified.` : `${name} will be invited when you publish.`);
        onInvited();
      },
      onError: (err) => toast.error(errorMessage(err)),
    }),
  );

  return (
    <div className="space-y-3">
      <h3 className="text-sm font-semibold text-ink">From the directory</h3>
      <Field
        label="Search platform CDMOs"
        description={draft ? "They are notified when you publish." : "They are notified at once."}
      >
        <Input type="search" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <div aria-live="polite" aria-busy={profiles.isFetching}>
        {profiles.isPending ? (
          <div className="space-y-2">
            <Skeleton className="h-9" />
            <Skeleton className="h-9" />
          </div>
        ) : profiles.isError ? (
          <p className="text-sm text-danger-700">{errorMessage(profiles.error)}</p>
        ) : profiles.data.length === 0 ? (
          <p className="text-sm text-ink-muted">
            {q ? `No platform CDMO matches “${q}”. Invite them by e-mail instead.` : "No CDMO is on the platform yet."}
          </p>
        ) : (
          <ul
            className="max-h-64 divide-y divide-line overflow-y-auto rounded-md border border-line"
            aria-label="Platform CDMOs"
          >
            {profiles.data.map((p) => {
              const already = invitedVendors.has(p.id);
              return (
                <li key={p.id} className="flex items-center justify-between gap-3 px-3 py-2">
                  <div className="min-w-0">
                    <p className="truncate text-sm font-medium text-ink">{p.name}</p>
                    {p.hqCountry ? <p className="text-xs text-ink-muted">{countryName(p.hqCountry)}</p> : null}
                  </div>
                  {already ? (
                    <span className="text-xs font-medium text-ink-muted">Invited</span>
                  ) : (
                    <Button
                      size="sm"
                      variant="secondary"
                      pending={invite.isPending && invite.variables?.vendorId === p.id}
                      onClick={() => invite.mutate({ orgSlug, rfpId, vendorId: p.id })}
                    >
                      Invite<span className="sr-only"> {p.name}</span>
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
