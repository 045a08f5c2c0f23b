"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { errorCode, errorMessage } from "../forms/server-errors";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { ErrorState } from "../ui/error-state";
import { TableSkeleton } from "../ui/skeleton";
import { changedFields, type ProgrammeView } from "./changes";
import { ProgrammeForm } from "./programme-form";

const CONFLICT_ID = "programme-conflict";

type Conflict = { theirs: ProgrammeView; fields: { label: string; now: string }[] };

/**
 * Edit a programme under the version it was loaded at. When someone else saved first, the
 * form keeps what this person typed, says what the other person changed, and the next save
 * goes onto their version (a deliberate merge), or they can drop their edits and load the latest.
 */
export function EditProgramme({ orgSlug, programmeId }: { orgSlug: string; programmeId: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const options = trpc.programme.get.queryOptions({ orgSlug, programmeId });
  const q = useQuery({ ...options, refetchOnWindowFocus: false, refetchOnReconnect: false, staleTime: Infinity });
  const update = useMutation(trpc.programme.update.mutationOptions());
  // The version the next save is based on: the one loaded, or theirs once a conflict was seen.
  const [base, setBase] = useState<ProgrammeView | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [formKey, setFormKey] = useState(0);

  if (q.isPending) return <TableSkeleton label="programme" rows={6} />;
  if (q.isError)
    return (
      <Card>
        <ErrorState
          title={
            errorCode(q.error) === "NOT_FOUND" ? "This programme was not found" : "The programme could not be loaded"
          }
          message={errorCode(q.error) === "NOT_FOUND" ? "The link may be wrong." : errorMessage(q.error)}
          onRetry={errorCode(q.error) === "NOT_FOUND" ? undefined : () => void q.refetch()}
        />
      </Card>
    );
  const current = base ?? q.data;
  const home = `/${orgSlug}/programmes/${programmeId}`;

  if (current.archivedAt)
    return (
      <Alert tone="warning" title="This programme is archived">
        Restore it from{" "}
        <Link className="underline" href={home}>
          its page
        </Link>{" "}
        before editing it.
      </Alert>
    );

  const loadTheirs = () => {
    setConflict(null);
    setBase(null);
    qc.setQueryData(options.queryKey, conflict!.theirs);
    setFormKey((k) => k + 1);
  };

  return (
    <ProgrammeForm
      key={formKey}
      initial={current}
      submitLabel={conflict ? "Save my version over theirs" : "Save changes"}
      onCancel={() => router.push(home)}
      notice={
        conflict ? (
          <div id={CONFLICT_ID} tabIndex={-1} className="focus:outline-none">
            <Alert tone="warning" title="Someone else saved this programme while you were editing it">
              <p>Your changes are still in the form. What they changed:</p>
              <ul className="my-2 list-disc pl-5">
                {conflict.fields.length ? (
                  conflict.fields.map((f) => (
                    <li key={f.label}>
                      {f.label}: now <strong className="font-medium">{f.now}</strong>
                    </li>
                  ))
                ) : (
                  <li>Nothing you can see here (it was archived or restored and back).</li>
                )}
              </ul>
              <p>Merge what you need into the form and save again, or discard your edits.</p>
              <Button className="mt-2" variant="secondary" size="sm" onClick={loadTheirs}>
                Discard my edits and load theirs
              </Button>
            </Alert>
          </div>
        ) : null
      }
      onSubmit={async (values) => {
        try {
          await update.mutateAsync({ orgSlug, programmeId, version: current.version, ...values });
        } catch (err) {
          if (errorCode(err) !== "CONFLICT") throw err;
          const theirs = await qc.fetchQuery({ ...options, staleTime: 0 });
          if (theirs.archivedAt) throw err;
          setConflict({ theirs, fields: changedFields(current, theirs) });
          setBase(theirs);
          // The notice sits under a long form: bring it into view and read it out.
          requestAnimationFrame(() => document.getElementById(CONFLICT_ID)?.focus());
          return;
        }
        toast.success("Programme saved");
        await qc.invalidateQueries({ queryKey: trpc.programme.pathKey() });
        router.push(home);
      }}
    />
  );
}
