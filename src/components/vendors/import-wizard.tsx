"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { FormError } from "../forms/form-error";
import { errorMessage } from "../forms/server-errors";
import { chunks, parseCsv } from "./csv-parse";
import {
  AffectedVendors,
  ImportDone,
  ImportErrorsTable,
  PreviewCounts,
  UnmatchedRows,
  type RowError,
} from "./import-results";
import { ImportProgress } from "./import-progress";
import type { ImportPreview } from "./types";

type Kind = "INSPECTIONS" | "WARNING_LETTERS";
type Phase = "choose" | "working" | "review" | "done";
type Progress = { done: number; total: number; label: string };
type Done = { created: number; updated: number; unchanged: number; alreadyPublic: number; unmatched: number };

const STAGE_CHUNK = 500; // rows per importStage call: small enough for steady progress
const KINDS: { value: Kind; label: string; hint: string }[] = [
  {
    value: "INSPECTIONS",
    label: "Inspections — FDA Data Dashboard export",
    hint: "Inspection classification export: FEI Number, Legal Name, City, …, Classification.",
  },
  {
    value: "WARNING_LETTERS",
    label: "Warning letters — FDA listing",
    hint: "Warning-letter listing: Letter Issue Date, Company Name, Subject, …",
  },
];

/** Upload an FDA CSV: parse in the browser, stage in chunks with progress, preview, then commit or discard. */
export function ImportWizard({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const start = useMutation(trpc.vendors.importStart.mutationOptions());
  const stage = useMutation(trpc.vendors.importStage.mutationOptions());
  const commit = useMutation(trpc.vendors.importCommit.mutationOptions());
  const discard = useMutation(trpc.vendors.importDiscard.mutationOptions());

  const [kind, setKind] = useState<Kind>("INSPECTIONS");
  const [fileState, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>("choose");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [errors, setErrors] = useState<RowError[]>([]);
  const [importId, setImportId] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [failure, setFailure] = useState<string>();
  const [fileKey, setFileKey] = useState(0);

  const reset = () => {
    setPhase("choose");
    setProgress(null);
    setErrors([]);
    setImportId(null);
    setPreview(null);
    setDone(null);
    setFailure(undefined);
    setFile(null);
    setFileKey((k) => k + 1);
  };

  const run = async (e: FormEvent) => {
    e.preventDefault();
    // Read the input itself as well as the state: a file chosen before the page finished
    // hydrating fired no onChange, and should still be used.
    const file = fileState ?? fileInput.current?.files?.[0] ?? null;
    if (!file) return setFailure("Choose a CSV file first.");
    setFailure(undefined);
    setErrors([]);
    setPhase("working");
    try {
      setProgress({ done: 0, total: 0, label: "Reading the file…" });
      const csv = await parseCsv(file);
      if (!csv.rows.length) throw new Error("The file has no data rows under its header.");
      const total = csv.rows.length;
      const { importId: id } = await start.mutateAsync({
        orgSlug,
        kind,
        fileName: file.name,
        totalRows: total,
        header: csv.header,
      });
      setImportId(id);
      const found: RowError[] = [];
      let sent = 0;
      setProgress({ done: 0, total, label: "Checking rows" });
      for (const part of chunks(csv.rows, STAGE_CHUNK)) {
        const res = await stage.mutateAsync({ orgSlug, importId: id, rows: part });
        found.push(...res.errors);
        sent += part.length;
        setProgress({ done: sent, total, label: "Checking rows" });
      }
      found.sort((a, b) => a.line - b.line);
      setErrors(found);
      // A fresh read every time: the preview changes with each staged file.
      setPreview(
        await qc.fetchQuery({ ...trpc.vendors.importPreview.queryOptions({ orgSlug, importId: id }), staleTime: 0 }),
      );
      setPhase("review");
    } catch (err) {
      // A rejected file leaves nothing in progress: the bar goes, the reason stays.
      setProgress(null);
      setFailure(errorMessage(err));
      setPhase("choose");
    }
  };

  const onCommit = async () => {
    if (!importId) return;
    try {
      setDone(await commit.mutateAsync({ orgSlug, importId }));
      setPhase("done");
      toast.success("Import committed");
      await qc.invalidateQueries({ queryKey: trpc.vendors.pathKey() });
    } catch (err) {
      setFailure(errorMessage(err));
      toast.error(errorMessage(err));
    }
  };

  const onDiscard = async () => {
    try {
      if (importId) await discard.mutateAsync({ orgSlug, importId });
      toast.success("Import discarded; nothing was written");
      reset();
    } catch (err) {
      setFailure(errorMessage(err));
    }
  };

  if (phase === "done" && done && preview)
    return (
      <ImportDone
        orgSlug={orgSlug}
        counts={{
          create: done.created,
          update: done.updated,
          unchanged: done.unchanged,
          alreadyPublic: done.alreadyPublic,
          unmatched: done.unmatched,
        }}
        vendors={preview.vendors}
        onAgain={reset}
      />
    );

  const busy = phase === "working";
  return (
    <div className="space-y-6">
      <Card aria-labelledby="import-file-heading">
        <CardHeader
          id="import-file-heading"
          title="1. Choose the file"
          description="The file is read in your browser, then checked row by row on the server. Nothing is saved until you commit."
        />
        <CardBody>
          <form onSubmit={run} noValidate className="space-y-4">
            <fieldset disabled={busy || phase === "review"} className="space-y-2">
              <legend className="text-sm font-medium text-ink">What does the file contain?</legend>
              {KINDS.map((k) => (
                <label key={k.value} className="flex items-start gap-2 text-sm">
                  <input
                    type="radio"
                    name="kind"
                    value={k.value}
                    checked={kind === k.value}
                    onChange={() => setKind(k.value)}
                    className="mt-0.5 size-4 accent-brand-700"
                  />
                  <span>
                    <span className="font-medium text-ink">{k.label}</span>
                    <span className="block text-xs text-ink-muted">{k.hint}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            <Field label="CSV file" description="Comma-separated, with the FDA column names in the first row.">
              <Input
                key={fileKey}
                ref={fileInput}
                type="file"
                accept=".csv,text/csv"
                className="py-1.5"
                disabled={busy || phase === "review"}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </Field>
            <FormError message={failure} />
            {phase === "choose" || busy ? (
              <Button type="submit" variant="primary" pending={busy}>
                {busy ? "Checking…" : "Upload and check"}
              </Button>
            ) : null}
          </form>
        </CardBody>
      </Card>

      {progress ? <ImportProgress {...progress} /> : null}
      {phase === "review" && errors.length ? <ImportErrorsTable errors={errors} /> : null}

      {phase === "review" && preview ? (
        <Card aria-labelledby="preview-heading">
          <CardHeader
            id="preview-heading"
            title="2. Preview"
            description={
              errors.length
                ? "What the file would change once the problems above are fixed."
                : "What committing this file will change."
            }
          />
          <CardBody className="space-y-5">
            <PreviewCounts counts={{ ...preview, unmatched: preview.unmatchedTotal }} />
            <AffectedVendors orgSlug={orgSlug} vendors={preview.vendors} />
            <UnmatchedRows rows={preview.unmatched} />
            <div className="flex flex-wrap items-center gap-2">
              <Button
                variant="primary"
                disabled={errors.length > 0}
                pending={commit.isPending}
                onClick={() => void onCommit()}
                aria-describedby={errors.length ? "commit-blocked" : undefined}
              >
                Commit import
              </Button>
              <Button variant="secondary" pending={discard.isPending} onClick={() => void onDiscard()}>
                Discard
              </Button>
              {errors.length ? (
                <span id="commit-blocked" className="text-sm text-danger-700">
                  Commit is unavailable: the file has {errors.length} problem{errors.length === 1 ? "" : "s"}.
                </span>
              ) : null}
            </div>
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
