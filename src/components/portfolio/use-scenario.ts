"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import type { PortfolioView } from "@/server/portfolio/view";
import type { ScenarioSettings } from "@/server/portfolio/settings";
import { errorCode, errorMessage } from "../forms/server-errors";

export type Scenario = PortfolioView["scenarios"][number];
type Draft = { settings: ScenarioSettings; assignment: Record<string, string> | null };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The scenario being worked on: its saved state, the user's unsaved edits (the comparison follows
 * them at once) and Save, which creates the first scenario ("Base case") when there is none yet.
 */
export function useScenario(
  orgSlug: string,
  data: PortfolioView,
  scenarioId: string | null,
  onCreated: (id: string) => void,
) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const saved: Scenario | null = data.scenarios.find((s) => s.id === scenarioId) ?? null;
  const baseline: Draft = useMemo(
    () => ({ settings: saved?.settings ?? data.defaults, assignment: saved?.assignment ?? null }),
    [saved, data.defaults],
  );
  const [draft, setDraft] = useState<Draft>(baseline);
  const key = `${saved?.id ?? "new"}:${saved?.version ?? 0}`;
  // A saved change (ours or a teammate's, after a refetch) resets the draft to what is stored.
  useEffect(() => setDraft(baseline), [key]); // eslint-disable-line react-hooks/exhaustive-deps -- the key says when
  const dirty = !same(draft, baseline);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.portfolio.get.queryKey() });
  const onError = (err: unknown) => {
    toast.error(errorMessage(err));
    if (errorCode(err) === "CONFLICT") void refresh();
  };
  const create = useMutation(
    trpc.portfolio.createScenario.mutationOptions({
      onSuccess: async (r) => {
        await refresh();
        onCreated(r.id);
        toast.success("Scenario saved.");
      },
      onError,
    }),
  );
  const save = useMutation(
    trpc.portfolio.saveScenario.mutationOptions({
      onSuccess: async () => {
        await refresh();
        toast.success("Scenario saved.");
      },
      onError,
    }),
  );
  function persist(extra: { name?: string; pinned?: boolean } = {}) {
    if (!saved)
      return create.mutate({
        orgSlug,
        programmeId: data.programme.id,
        rfpId: data.rfp!.id,
        name: extra.name ?? "Base case",
        settings: draft.settings,
        assignment: draft.assignment,
        pinned: extra.pinned ?? false,
      });
    save.mutate({
      orgSlug,
      scenarioId: saved.id,
      version: saved.version,
      settings: draft.settings,
      assignment: draft.assignment,
      ...extra,
    });
  }
  function saveAsNew(name: string, pinned: boolean) {
    create.mutate({
      orgSlug,
      programmeId: data.programme.id,
      rfpId: data.rfp!.id,
      name,
      settings: draft.settings,
      assignment: draft.assignment,
      pinned,
    });
  }
  return {
    saved,
    draft,
    dirty,
    setSettings: (settings: ScenarioSettings) => setDraft((d) => ({ ...d, settings })),
    setAssignment: (assignment: Record<string, string> | null) => setDraft((d) => ({ ...d, assignment })),
    discard: () => setDraft(baseline),
    persist,
    saveAsNew,
    pending: create.isPending || save.isPending,
    refresh,
  };
}
