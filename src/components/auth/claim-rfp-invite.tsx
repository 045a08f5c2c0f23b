"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { Button } from "../ui/button";
import { FormError } from "../forms/form-error";
import { errorMessage } from "../forms/server-errors";

/** Accept an e-mailed RFP invitation for one of the user's CDMO organisations, then open the RFP there. */
export function ClaimRfpInvite({ token, orgs }: { token: string; orgs: { slug: string; name: string }[] }) {
  const router = useRouter();
  const trpc = useTRPC();
  const [slug, setSlug] = useState(orgs[0]!.slug);
  const claim = useMutation(
    trpc.rfpInvitation.claim.mutationOptions({
      onSuccess: ({ orgSlug, rfpId }) => {
        router.push(`/${orgSlug}/inbox/${rfpId}`);
        router.refresh();
      },
    }),
  );
  const busy = claim.isPending || claim.isSuccess;
  const chosen = orgs.find((o) => o.slug === slug) ?? orgs[0]!;
  return (
    <div className="space-y-4">
      {orgs.length > 1 ? (
        <fieldset>
          <legend className="text-sm font-medium text-ink">Respond as</legend>
          <div className="mt-2 space-y-2">
            {orgs.map((o) => (
              <label key={o.slug} className="flex items-center gap-2 text-sm text-ink">
                <input
                  type="radio"
                  name="org"
                  value={o.slug}
                  checked={slug === o.slug}
                  onChange={() => setSlug(o.slug)}
                  className="size-4 accent-brand-700"
                />
                {o.name}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <FormError message={claim.error ? errorMessage(claim.error) : undefined} />
      <Button
        variant="primary"
        className="w-full"
        pending={busy}
        onClick={() => claim.mutate({ orgSlug: chosen.slug, token })}
      >
        {busy ? "Accepting…" : `Accept for ${chosen.name}`}
      </Button>
    </div>
  );
}
