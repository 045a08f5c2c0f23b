"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import type { RfpSource } from "@/server/rfps/create-schemas";
import { defaultScope } from "@/server/rfps/scope";
import { modalityLabel, stageLabel, type StageCode } from "@/server/vendors/catalog";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { FormError } from "../forms/form-error";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { ErrorState } from "../ui/error-state";
import { Field } from "../ui/field";
import { Input, Select } from "../ui/input";
import { TableSkeleton } from "../ui/skeleton";
import { CheckboxGroup } from "../vendors/checkbox-group";
import { SectionsPreview, type PreviewSection } from "./template-preview";

type Programme = { id: string; name: string; modality: string; stages: string[] };

const SOURCES: { value: RfpSource; label: string; text: string }[] = [
  { value: "template", label: "From a template", text: "Questions a CMC team asks for this modality." },
  { value: "copy", label: "Copy an earlier RFP", text: "Same questions and weights, new ids; no invitations." },
  { value: "blank", label: "Blank", text: "Only a price line for each stage in scope." },
];

/** The template written for the programme's modality; proteins without one get the mAb template. */
function recommended(modality: string, keys: { key: string; modality: string | null }[]) {
  const exact = keys.find((t) => t.modality === modality);
  if (exact) return exact.key;
  return ["BISPECIFIC", "FUSION"].includes(modality) ? "mab-ds-dp" : (keys[0]?.key ?? "");
}

const browserZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
};

/** Choose how the RFP starts (template, copy, blank) and its stages, preview it, create the draft and open it. */
export function NewRfp({ orgSlug, programme }: { orgSlug: string; programme: Programme }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const templates = useQuery(trpc.rfp.templates.queryOptions({ orgSlug }));
  const [from, setFrom] = useState<RfpSource>("template");
  const [templateKey, setTemplateKey] = useState<string | null>(null);
  const [copyFromId, setCopyFromId] = useState("");
  const [chosenStages, setChosenStages] = useState<string[] | null>(null);
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | undefined>();
  const sources = useQuery({ ...trpc.rfp.list.queryOptions({ orgSlug }), enabled: from === "copy" });
  const source = useQuery({
    ...trpc.rfp.get.queryOptions({ orgSlug, rfpId: copyFromId }),
    enabled: from === "copy" && !!copyFromId,
  });
  const create = useMutation(trpc.rfp.create.mutationOptions());

  if (templates.isPending) return <TableSkeleton label="templates" rows={5} />;
  if (templates.isError)
    return (
      <ErrorState
        title="The templates could not be loaded"
        message={errorMessage(templates.error)}
        onRetry={() => void templates.refetch()}
      />
    );

  const list = templates.data;
  const key = templateKey ?? recommended(programme.modality, list);
  const template = list.find((t) => t.key === key);
  const covered = from === "template" ? template?.stages : from === "copy" ? source.data?.stages : undefined;
  const stages = chosenStages ?? defaultScope(programme.stages as StageCode[], covered);
  // What the server names the RFP when no title is given (service-create.ts).
  const defaultTitle =
    from === "template" && template
      ? `${programme.name}: ${template.name}`
      : from === "copy"
        ? source.data
          ? `Copy of ${source.data.title}`
          : ""
        : `${programme.name}: RFP`;
  const pick = (f: () => void) => {
    f();
    setChosenStages(null); // a new source gets its own default scope
    setError(undefined);
  };

  const preview: PreviewSection[] | null =
    from === "template" && template
      ? template.sections
      : from === "copy" && source.data
        ? source.data.content.sections
        : from === "blank"
          ? [{ title: "Prices", questions: stages.map(() => ({ prompt: "", kind: "price", required: true })) }]
          : null;

  const submit = async () => {
    setError(undefined);
    if (from === "copy" && !copyFromId) return setError("Choose the RFP to copy.");
    if (!stages.length) return setError("Choose at least one stage for this RFP.");
    try {
      const { id } = await create.mutateAsync({
        orgSlug,
        programmeId: programme.id,
        from,
        templateKey: from === "template" ? key : undefined,
        copyFromId: from === "copy" ? copyFromId : undefined,
        title: title.trim() || undefined,
        stages: stages as StageCode[],
        timeZone: browserZone(),
      });
      toast.success("Draft RFP created");
      await qc.invalidateQueries({ queryKey: trpc.rfp.pathKey() });
      await qc.invalidateQueries({ queryKey: trpc.programme.pathKey() });
      router.push(`/${orgSlug}/rfps/${id}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <Card aria-labelledby="start-heading">
        <CardHeader id="start-heading" title="How to start" />
        <CardBody className="space-y-5">
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-ink">Start from</legend>
            {SOURCES.map((s) => (
              <label
                key={s.value}
                className="flex items-start gap-2 rounded-md border border-line p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
              >
                <input
                  type="radio"
                  name="from"
                  className="mt-0.5"
                  checked={from === s.value}
                  onChange={() => pick(() => setFrom(s.value))}
                />
                <span>
                  <span className="font-medium text-ink">{s.label}</span>
                  <span className="block text-ink-muted">{s.text}</span>
                </span>
              </label>
            ))}
          </fieldset>

          {from === "template" ? (
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-ink">Template</legend>
              {list.map((t) => (
                <label key={t.key} className="flex items-start gap-2 text-sm">
                  <input
                    type="radio"
                    name="template"
                    className="mt-0.5"
                    checked={key === t.key}
                    onChange={() => pick(() => setTemplateKey(t.key))}
                  />
                  <span>
                    <span className="font-medium text-ink">{t.name}</span>{" "}
                    {t.key === recommended(programme.modality, list) ? (
                      <Badge tone="brand">Suggested for {modalityLabel(programme.modality)}</Badge>
                    ) : null}
                    <span className="block text-ink-muted">{t.description}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          ) : null}

          {from === "copy" ? (
            <Field label="RFP to copy" description="Any RFP of your organisation, from any programme.">
              <Select
                value={copyFromId}
                onChange={(e) => pick(() => setCopyFromId(e.target.value))}
                disabled={sources.isPending}
              >
                <option value="">
                  {sources.isPending
                    ? "Loading RFPs…"
                    : sources.data?.length
                      ? "Choose an RFP…"
                      : "No RFPs to copy yet"}
                </option>
                {sources.data?.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.title} ({r.programmeName})
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}

          <CheckboxGroup
            legend="Stages in scope"
            options={programme.stages.map((s) => ({ value: s, label: stageLabel(s) }))}
            value={stages}
            onChange={setChosenStages}
            columns={2}
          />
          <Field label="Title" description="Leave empty to use the title shown.">
            <Input
              value={title}
              maxLength={200}
              placeholder={defaultTitle}
              onChange={(e) => setTitle(e.target.value)}
            />
          </Field>
          <FormError message={error} />
          <div className="flex flex-wrap gap-3">
            <Button onClick={() => void submit()} pending={create.isPending}>
              Create draft RFP
            </Button>
            <Button variant="secondary" onClick={() => router.push(`/${orgSlug}/programmes/${programme.id}`)}>
              Cancel
            </Button>
          </div>
        </CardBody>
      </Card>

      <Card aria-labelledby="preview-heading" className="self-start lg:sticky lg:top-4">
        <CardHeader id="preview-heading" title="Preview" description="What the draft will contain." />
        <CardBody>
          {preview ? (
            <SectionsPreview
              sections={preview}
              stages={stages}
              label="Sections of the new RFP"
              note="Everything can be edited before it is sent."
            />
          ) : from === "copy" && copyFromId && source.isPending ? (
            <TableSkeleton label="the RFP to copy" rows={3} />
          ) : (
            <p className="text-sm text-ink-muted">Choose the RFP to copy to see its sections.</p>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
