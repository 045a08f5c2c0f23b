"use client";

import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useMemo, useRef, useState, useSyncExternalStore } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { AppRouter } from "@/server/api/root";
import { can, type OrgAccess } from "@/server/auth/permissions";
import { describeRfpChanges } from "@/server/rfps/diff";
import type { RfpDocument } from "@/server/rfps/edit-schemas";
import { inviteeChanges } from "@/server/rfps/edit-summary";
import { RFP_STATUS_LABELS } from "@/server/rfps/statuses";
import { readerTimeZone } from "@/server/rfps/time-zone";
import { useTRPC } from "@/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { errorCode, errorMessage } from "@/components/forms/server-errors";
import { schemaResolver } from "@/components/vendors/schema-resolver";
import { RfpPreview } from "../rfp-preview";
import { focusTargetId, type Problem } from "./problem-focus";
import { cleanBuilderValues, toBuilderValues, type BuilderValues } from "./builder-values";
import { AnnounceDialog } from "./announce-dialog";
import { ConflictPanel, MineAsidePanel } from "./conflict-panel";
import { changedText } from "./conflict-text";
import { DueDateField } from "./due-date-field";
import { fieldId } from "./form-bits";
import { SectionsEditor } from "./sections-editor";
import { BasicsFields, SealFields } from "./settings-fields";
import { useUnsavedGuard } from "./use-unsaved-guard";
import { WeightsEditor } from "./weights-editor";

type EditorRfp = inferRouterOutputs<AppRouter>["rfp"]["editor"];
type Viewer = OrgAccess & { orgSlug: string };

const STATUS_TONE: Record<EditorRfp["status"], BadgeTone> = {
  DRAFT: "neutral",
  PUBLISHED: "brand",
  CLOSED: "warning",
  AWARDED: "success",
  CANCELLED: "danger",
};

// The schema (and the problem list built from it) loads with the first validation rather than
// with the page; the save handlers run after it, so by then it is there.
const rfpSchema = () => import("@/server/rfps/edit-schemas").then((m) => m.ZRfpDocument);
const problemsOf = async (values: BuilderValues) => (await import("./builder-problems")).builderProblems(values);
const resolver = schemaResolver<BuilderValues>(rfpSchema, cleanBuilderValues);
const noop = () => () => {};

/** The reader's zone once in the browser (the server renders in UTC). */
function useReaderZone(): string {
  return useSyncExternalStore(noop, readerTimeZone, () => "UTC");
}

/** The RFP builder page: loads the document, then hands it to the form. */
export function RfpBuilder({ viewer, rfpId }: { viewer: Viewer; rfpId: string }) {
  const trpc = useTRPC();
  const q = useQuery({
    ...trpc.rfp.editor.queryOptions({ orgSlug: viewer.orgSlug, rfpId }),
    // The form owns the document once loaded; a background refetch must not replace it.
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
  const readerZone = useReaderZone();
  const [loaded, setLoaded] = useState<{ rfp: EditorRfp; key: number; aside?: Aside } | null>(null);

  if (q.isPending) return <BuilderSkeleton />;
  if (q.isError)
    return (
      <Card>
        <ErrorState
          title={errorCode(q.error) === "NOT_FOUND" ? "This RFP was not found" : "The RFP could not be loaded"}
          message={
            errorCode(q.error) === "NOT_FOUND"
              ? "It may have been removed, or the link is wrong."
              : errorMessage(q.error)
          }
          onRetry={errorCode(q.error) === "NOT_FOUND" ? undefined : () => void q.refetch()}
        />
      </Card>
    );
  const current = loaded ?? { rfp: q.data, key: 0 };
  return (
    <BuilderForm
      key={`${current.key}-${readerZone}`}
      viewer={viewer}
      rfp={current.rfp}
      readerZone={readerZone}
      aside={current.aside}
      onReload={(rfp, aside) => setLoaded({ rfp, key: current.key + 1, aside })}
    />
  );
}

type Aside = { mine: string[]; text: string };

function docOf(rfp: EditorRfp): RfpDocument {
  return {
    title: rfp.title,
    summary: rfp.summary,
    stages: rfp.stages as RfpDocument["stages"],
    weights: rfp.weights as RfpDocument["weights"],
    dueAt: rfp.dueAt,
    timeZone: rfp.timeZone,
    sealed: rfp.sealed,
    committeeOpening: rfp.committeeOpening,
    content: rfp.content,
  };
}

function BuilderForm({
  viewer,
  rfp,
  readerZone,
  aside: initialAside,
  onReload,
}: {
  viewer: Viewer;
  rfp: EditorRfp;
  readerZone: string;
  aside?: Aside;
  onReload: (rfp: EditorRfp, aside?: Aside) => void;
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const save = useMutation(trpc.rfp.update.mutationOptions());
  const initial = useMemo(() => toBuilderValues(rfp, readerZone), [rfp, readerZone]);
  const form = useForm<BuilderValues>({ resolver, defaultValues: initial, shouldFocusError: false });
  const { formState, handleSubmit, getValues, reset, control } = form;
  const [version, setVersion] = useState(rfp.version);
  const [mode, setMode] = useState<"edit" | "preview">("edit");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ latest: EditorRfp | null } | null>(null);
  const [aside, setAside] = useState<Aside | undefined>(initialAside);
  const [lastSaved, setLastSaved] = useState<Date | null>(null);
  const [announce, setAnnounce] = useState<{ doc: RfpDocument; sent: BuilderValues; changes: string[] } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const base = useRef(docOf(rfp));

  const canWrite = can(viewer, "rfp.write");
  const editable = canWrite && rfp.editable;
  const busy = save.isPending;
  const dirty = formState.isDirty;
  useUnsavedGuard(dirty && editable);

  // The editor is hidden while previewing, so the values cannot change under the preview.
  const previewDoc = mode === "preview" ? cleanBuilderValues(getValues()) : null;

  const focusProblem = (path: string) => {
    const id = focusTargetId(path, (x) => !!document.getElementById(x), fieldId);
    const el = id ? document.getElementById(id) : null;
    el?.scrollIntoView({ block: "center" });
    el?.focus();
  };

  /** Saves `doc` (made from the form values `sent`) over version `atVersion`. */
  const send = async (doc: RfpDocument, sent: BuilderValues, atVersion: number) => {
    setServerError(null);
    try {
      const result = await save.mutateAsync({ orgSlug: viewer.orgSlug, rfpId: rfp.id, version: atVersion, ...doc });
      setVersion(result.version);
      base.current = doc;
      setConflict(null);
      // What was sent is now the saved state; anything typed meanwhile stays unsaved.
      reset(sent, { keepValues: true });
      setLastSaved(new Date());
      await qc.invalidateQueries({ queryKey: trpc.rfp.pathKey(), refetchType: "none" });
      toast.success(
        !result.changed
          ? "Nothing to save: no changes."
          : result.changeSummary.length
            ? `Saved. Invitees were told about ${result.changeSummary.length === 1 ? "the change" : `${result.changeSummary.length} changes`}.`
            : "Saved.",
      );
    } catch (err) {
      if (errorCode(err) === "CONFLICT" && /reload/i.test(errorMessage(err))) {
        setConflict({ latest: null });
        try {
          const latest = await qc.fetchQuery({
            ...trpc.rfp.editor.queryOptions({ orgSlug: viewer.orgSlug, rfpId: rfp.id }),
            staleTime: 0,
          });
          setConflict({ latest });
        } catch (e) {
          setConflict(null);
          setServerError(errorMessage(e));
        }
        return;
      }
      setServerError(errorMessage(err));
      requestAnimationFrame(() => summaryRef.current?.focus());
    }
  };

  const onSave = handleSubmit(
    async () => {
      setProblems([]);
      const sent = structuredClone(getValues());
      const doc = (await rfpSchema()).parse(cleanBuilderValues(sent));
      // An open RFP: show what invitees will be told before telling them.
      const changes = rfp.status === "PUBLISHED" ? inviteeChanges(base.current, doc) : [];
      if (changes.length) setAnnounce({ doc, sent, changes });
      else await send(doc, sent, version);
    },
    async () => {
      setProblems(await problemsOf(getValues()));
      requestAnimationFrame(() => summaryRef.current?.focus());
    },
  );

  const mineDoc = conflict ? cleanBuilderValues(getValues()) : null;
  const mineChanges = mineDoc ? describeRfpChanges(base.current, mineDoc) : [];
  const theirChanges = conflict?.latest ? describeRfpChanges(base.current, docOf(conflict.latest)) : null;

  const status = rfp.status;
  const title = useWatch({ control, name: "title" });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSave} noValidate aria-labelledby="rfp-builder-heading">
        <nav aria-label="Breadcrumb" className="mb-2 text-sm">
          <Link href={`/${viewer.orgSlug}/rfps/${rfp.id}`} className="text-brand-700 underline">
            {rfp.programme.name}: RFP overview
          </Link>
        </nav>
        <div className="sticky top-[57px] z-20 -mx-2 mb-4 flex flex-wrap items-center gap-3 border-b border-line bg-canvas/95 px-2 py-3 backdrop-blur">
          <div className="min-w-0 flex-1">
            <h1 id="rfp-builder-heading" className="truncate text-2xl font-semibold tracking-tight text-ink">
              {title?.trim() || "Untitled RFP"}
            </h1>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-ink-muted">
              <Badge tone={STATUS_TONE[status]}>{RFP_STATUS_LABELS[status]}</Badge>
              {rfp.round > 1 ? <span>Round {rfp.round}</span> : null}
              <span aria-live="polite" data-testid="save-state">
                {!editable
                  ? "Read-only"
                  : dirty
                    ? "Unsaved changes"
                    : lastSaved
                      ? "All changes saved"
                      : "No changes yet"}
              </span>
            </p>
          </div>
          <div role="group" aria-label="View" className="flex rounded-md border border-line-strong bg-surface p-0.5">
            {(["edit", "preview"] as const).map((m) => (
              <button
                key={m}
                type="button"
                aria-pressed={mode === m}
                onClick={() => setMode(m)}
                className={
                  mode === m
                    ? "rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white"
                    : "rounded px-3 py-1.5 text-sm font-medium text-ink hover:bg-canvas"
                }
              >
                {m === "edit" ? "Edit" : "Preview as a CDMO"}
              </button>
            ))}
          </div>
          {editable ? (
            <Button type="submit" pending={busy} disabled={!dirty && !conflict}>
              {busy ? "Saving…" : "Save"}
            </Button>
          ) : null}
        </div>

        <div ref={summaryRef} tabIndex={-1} className="mb-4 space-y-3 focus:outline-none">
          {!canWrite ? (
            <Alert tone="info">You can read this RFP. Editing it needs the owner, admin or evaluator role.</Alert>
          ) : !rfp.editable ? (
            <Alert tone="info">
              This RFP is {RFP_STATUS_LABELS[status].toLowerCase()} and can no longer be edited.
            </Alert>
          ) : status === "PUBLISHED" ? (
            <Alert tone="info">
              This RFP is open for responses. When you save, invitees are told what changed (the evaluation weights stay
              private). The sealed-bid options are fixed.
            </Alert>
          ) : null}
          {problems.length ? (
            <Alert
              tone="danger"
              title={`Fix ${problems.length === 1 ? "this problem" : `these ${problems.length} problems`} before saving`}
            >
              <ul className="mt-1 list-disc space-y-0.5 pl-5">
                {problems.slice(0, 20).map((p, i) => (
                  <li key={i}>
                    <a
                      href={`#${fieldId(p.path)}`}
                      className="underline"
                      onClick={(e) => {
                        e.preventDefault();
                        focusProblem(p.path);
                      }}
                    >
                      {p.message}
                    </a>
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {serverError ? (
            <Alert tone="danger" title="Not saved">
              {serverError}
            </Alert>
          ) : null}
          {conflict ? (
            <ConflictPanel
              theirs={theirChanges}
              mine={mineChanges}
              loading={busy}
              onLoadTheirs={() => {
                if (!conflict.latest || !mineDoc) return;
                onReload(conflict.latest, {
                  mine: mineChanges,
                  text: changedText(docOf(conflict.latest), mineDoc),
                });
              }}
              onOverwrite={async () => {
                if (!conflict.latest || !mineDoc) return;
                const sent = structuredClone(getValues());
                const parsed = (await rfpSchema()).safeParse(cleanBuilderValues(sent));
                if (!parsed.success) {
                  setProblems(await problemsOf(getValues()));
                  return;
                }
                base.current = docOf(conflict.latest);
                void send(parsed.data, sent, conflict.latest.version);
              }}
            />
          ) : null}
          <AnnounceDialog
            changes={announce?.changes ?? null}
            onCancel={() => setAnnounce(null)}
            onConfirm={() => {
              if (announce) void send(announce.doc, announce.sent, version);
              setAnnounce(null);
            }}
          />
          {aside ? <MineAsidePanel mine={aside.mine} text={aside.text} onDismiss={() => setAside(undefined)} /> : null}
        </div>

        {mode === "preview" && previewDoc ? (
          <div className="space-y-4">
            <p className="text-sm text-ink-muted">
              What an invited CDMO sees, with your unsaved changes. Its answer fields are disabled here; your weights
              and sealed-bid settings are not shown to invitees.
            </p>
            <RfpPreview
              title={previewDoc.title}
              summary={previewDoc.summary}
              stages={previewDoc.stages}
              dueAt={previewDoc.dueAt}
              readerZone={readerZone}
              content={previewDoc.content}
            />
          </div>
        ) : (
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
            <div className="min-w-0 space-y-6">
              <Card>
                <CardHeader title="About this RFP" />
                <CardBody>
                  <BasicsFields disabled={!editable} />
                </CardBody>
              </Card>
              <div>
                <h2 className="mb-3 text-lg font-semibold text-ink">Sections and questions</h2>
                <SectionsEditor disabled={!editable} />
              </div>
            </div>
            <div className="space-y-6">
              <Card>
                <CardBody>
                  <DueDateField readerZone={readerZone} disabled={!editable} />
                </CardBody>
              </Card>
              <Card>
                <CardBody>
                  <WeightsEditor disabled={!editable} />
                </CardBody>
              </Card>
              <Card>
                <CardBody>
                  <SealFields locked={!editable || rfp.sealLocked} />
                </CardBody>
              </Card>
            </div>
          </div>
        )}
      </form>
    </FormProvider>
  );
}

function BuilderSkeleton() {
  return (
    <div role="status" aria-label="Loading the RFP" className="space-y-4">
      <Skeleton className="h-8 w-2/3" />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-4">
          <Skeleton className="h-48" />
          <Skeleton className="h-64" />
        </div>
        <div className="space-y-4">
          <Skeleton className="h-40" />
          <Skeleton className="h-56" />
        </div>
      </div>
    </div>
  );
}
