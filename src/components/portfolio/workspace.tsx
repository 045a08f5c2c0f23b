"use client";

import dynamic from "next/dynamic";
import { useMutation } from "@tanstack/react-query";
import { Tabs } from "radix-ui";
import { useEffect, useMemo, useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { buildProblem } from "@/server/portfolio/build";
import type { Column, Comparison } from "@/server/portfolio/compare-view";
import type { PortfolioView } from "@/server/portfolio/view";
import { errorMessage } from "../forms/server-errors";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { EmptyState } from "../ui/empty-state";
import { TableSkeleton } from "../ui/skeleton";
import { CompareTab } from "./compare-tab";
import { vendorColours } from "./palette";
import { ProposeDialog } from "./propose-dialog";
import { ReportButton } from "./report-button";
import { ScenarioBar } from "./scenario-bar";
import { useScenario } from "./use-scenario";
import { useDecisionWorker } from "./use-worker";
import { ComparisonTable } from "./comparison-table";

// Each view but the comparison loads when it is first opened, so the page's first load carries
// the comparison only.
const loadingView = () => <TableSkeleton label="this view" rows={6} />;
const ProblemPanel = dynamic(() => import("./problem-panel").then((m) => m.ProblemPanel), { loading: loadingView });
const ManualBuilder = dynamic(() => import("./manual-builder").then((m) => m.ManualBuilder), { loading: loadingView });
const SimulationPanel = dynamic(() => import("./simulation-panel").then((m) => m.SimulationPanel), {
  loading: loadingView,
});
const DecisionPanel = dynamic(() => import("./decision-panel").then((m) => m.DecisionPanel), { loading: loadingView });

type Tab = "compare" | "problem" | "build" | "simulation" | "decision";

// Manual and pinned portfolios are evaluated here, with the decision core (and its input
// validation), which the page loads when it has one to show rather than with its first load.
type Evaluate = typeof import("@/server/portfolio/compare").evaluateColumn;
let evaluateColumn: Evaluate | undefined;
const loadEvaluate = () => import("@/server/portfolio/compare").then((m) => (evaluateColumn = m.evaluateColumn));
const PENDING = { metrics: null, empty: "Computing…" };

export function Workspace({ orgSlug, data }: { orgSlug: string; data: PortfolioView }) {
  const trpc = useTRPC();
  const facts = data.facts!;
  const currency = data.programme.currency;
  const [tab, setTab] = useState<Tab>("compare");
  const [scenarioId, setScenarioId] = useState<string | null>(
    data.decision?.scenarioId ?? data.scenarios[0]?.id ?? null,
  );
  const s = useScenario(orgSlug, data, scenarioId, setScenarioId);
  const awardedHere = data.decision?.status === "AWARDED" && data.decision.scenarioId === s.saved?.id;
  const canWrite = data.me.canWrite && !data.programme.archived && !awardedHere;
  const built = useMemo(() => buildProblem(facts, s.draft.settings), [facts, s.draft.settings]);
  const colours = useMemo(() => vendorColours(built.vendors.map((v) => v.id)), [built]);

  // The optimiser runs in the worker; the last result stays on screen while a new one is computed.
  const cmp = useDecisionWorker((m) => (m.kind === "compared" ? m.comparison : null));
  const last = useRef<Comparison | null>(null);
  const inputKey = JSON.stringify([built.problem, s.draft.settings.constraints]);
  const run = cmp.run;
  useEffect(() => {
    // A short pause lets a burst of keystrokes in a constraint field start one run, not ten.
    const t = setTimeout(() => run({ kind: "compare", built, settings: s.draft.settings, budgetMs: 5000 }), 120);
    return () => clearTimeout(t);
  }, [inputKey]); // eslint-disable-line react-hooks/exhaustive-deps -- inputKey is the problem and the constraints
  if (cmp.state.status === "done" && cmp.state.result) last.current = cmp.state.result;
  const comparison = last.current;

  const needsEvaluate = !!s.draft.assignment || data.scenarios.some((x) => x.pinned && x.assignment);
  const [evaluate, setEvaluate] = useState<Evaluate | undefined>(() => evaluateColumn);
  useEffect(() => {
    if (needsEvaluate && !evaluate) void loadEvaluate().then((f) => setEvaluate(() => f));
  }, [needsEvaluate, evaluate]);

  const columns: Column[] = useMemo(() => {
    const out: Column[] = [...(comparison?.columns ?? [])];
    if (s.draft.assignment) {
      const ev = evaluate ? evaluate(built, s.draft.assignment) : PENDING;
      out.push({ key: "manual", kind: "manual", label: s.saved?.name ?? "This scenario", ...ev, optimum: false });
    }
    for (const p of data.scenarios.filter((x) => x.pinned && x.id !== s.saved?.id)) {
      const b = buildProblem(facts, p.settings);
      const ev = p.assignment
        ? evaluate
          ? evaluate(b, p.assignment)
          : PENDING
        : { metrics: null, empty: "Follows the optimiser; give it an assignment to pin a portfolio." };
      out.push({ key: p.id, kind: "pinned", label: p.name, ...ev, optimum: false });
    }
    return out;
  }, [comparison, s.draft.assignment, s.saved, data.scenarios, built, facts, evaluate]);

  const propose = useMutation(trpc.portfolio.propose.mutationOptions());
  const sign = useMutation(trpc.portfolio.sign.mutationOptions());
  const withdraw = useMutation(trpc.portfolio.withdraw.mutationOptions());
  const saveSim = useMutation(trpc.portfolio.saveSimulation.mutationOptions());
  const del = useMutation(trpc.portfolio.deleteScenario.mutationOptions());
  const me = data.signers.find((x) => x.id === data.me.id);
  const openProposal = data.decision?.status === "PROPOSED";
  const closed = data.rfp?.status === "CLOSED";

  const proposeHint = !closed
    ? data.rfp?.status === "AWARDED"
      ? null
      : "Proposals open once the RFP's due date has passed."
    : openProposal
      ? "A proposal is waiting for signatures."
      : !s.saved || s.dirty
        ? "Save the scenario to propose from it."
        : null;

  const actions = (c: Column) => (
    <div className="flex flex-col items-start gap-2">
      {canWrite && c.kind !== "manual" ? (
        <Button size="sm" variant="secondary" onClick={() => s.setAssignment({ ...c.metrics!.assignment })}>
          Edit as this scenario
        </Button>
      ) : null}
      {data.me.canPropose && !proposeHint && c.kind !== "pinned" ? (
        <ProposeDialog
          label={c.label.toLowerCase()}
          signers={data.signers}
          meId={data.me.id}
          onPropose={async (p) => {
            try {
              await propose.mutateAsync({
                orgSlug,
                scenarioId: s.saved!.id,
                version: s.saved!.version,
                assignment: c.metrics!.assignment,
                ...p,
              });
              await s.refresh();
              toast.success("Proposed and signed as author. The approvers can sign now.");
              setTab("decision");
              return null;
            } catch (err) {
              return { field: (err as { data?: { field?: string } }).data?.field, message: errorMessage(err) };
            }
          }}
        />
      ) : null}
    </div>
  );

  const tabs: { id: Tab; label: string }[] = [
    { id: "compare", label: "Compare" },
    { id: "problem", label: "Offers and assumptions" },
    { id: "build", label: "Build a portfolio" },
    { id: "simulation", label: "Simulation" },
    {
      id: "decision",
      label: data.decision ? `Decision (${data.decision.status === "AWARDED" ? "awarded" : "proposed"})` : "Decision",
    },
  ];

  return (
    <div className="space-y-4">
      <ScenarioBar
        scenarios={data.scenarios}
        current={s.saved}
        onSelect={setScenarioId}
        dirty={s.dirty}
        pending={s.pending}
        canWrite={data.me.canWrite && !data.programme.archived}
        locked={awardedHere}
        onSave={() => s.persist()}
        onDiscard={s.discard}
        onSaveAsNew={s.saveAsNew}
        onPin={(pinned) => s.persist({ pinned })}
        onDelete={() =>
          del.mutate(
            { orgSlug, scenarioId: s.saved!.id, version: s.saved!.version },
            {
              onSuccess: async () => {
                setScenarioId(data.scenarios.find((x) => x.id !== s.saved!.id)?.id ?? null);
                await s.refresh();
                toast.success("Scenario deleted.");
              },
              onError: (e) => toast.error(errorMessage(e)),
            },
          )
        }
        built={built}
        settings={s.draft.settings}
        fileName={`${data.programme.name.replace(/[^A-Za-z0-9]+/g, "-")}-portfolio-problem.json`}
      />
      {built.uncovered.length ? (
        <Alert tone="warning" title="Some stages have no offer">
          Nobody quoted {built.uncovered.length === 1 ? "one stage" : `${built.uncovered.length} stages`}. Add an
          estimate under Offers and assumptions, or the comparison cannot assign them.
        </Alert>
      ) : null}
      {facts.offerScoreNote ? <Alert tone="info">{facts.offerScoreNote}</Alert> : null}
      {!data.me.canWrite ? (
        <Alert tone="info">
          You can explore every portfolio here; saving scenarios needs the owner, admin or evaluator role.
        </Alert>
      ) : null}
      <Tabs.Root value={tab} onValueChange={(v) => setTab(v as Tab)}>
        <Tabs.List aria-label="Portfolio views" className="flex flex-wrap gap-1 border-b border-line">
          {tabs.map((t) => (
            <Tabs.Trigger
              key={t.id}
              value={t.id}
              className={cn(
                "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
                tab === t.id ? "border-brand-600 text-brand-800" : "border-transparent text-ink-muted hover:text-ink",
              )}
            >
              {t.label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value="compare" className="pt-4">
          {proposeHint && data.me.canPropose ? <p className="mb-3 text-sm text-ink-muted">{proposeHint}</p> : null}
          <CompareTab
            built={built}
            comparison={comparison}
            columns={columns}
            running={cmp.state.status === "running"}
            elapsedMs={cmp.state.status === "running" ? (cmp.state.progress?.done ?? null) : null}
            onCancel={cmp.cancel}
            cancelled={cmp.state.status === "cancelled"}
            failed={cmp.state.status === "failed" ? cmp.state.message : null}
            constraints={s.draft.settings.constraints}
            onConstraints={(constraints) => s.setSettings({ ...s.draft.settings, constraints })}
            currency={currency}
            colours={colours}
            canWrite={data.me.canWrite && !awardedHere}
            actions={actions}
          />
        </Tabs.Content>
        <Tabs.Content value="problem" className="pt-4">
          <ProblemPanel
            facts={facts}
            built={built}
            settings={s.draft.settings}
            onChange={s.setSettings}
            currency={currency}
            disabled={!canWrite}
          />
        </Tabs.Content>
        <Tabs.Content value="build" className="space-y-4 pt-4">
          <Card className="p-5">
            <ManualBuilder
              built={built}
              assignment={s.draft.assignment}
              onChange={s.setAssignment}
              columns={columns}
              currency={currency}
              disabled={!canWrite}
            />
          </Card>
          <Card className="p-5">
            <ComparisonTable columns={columns} built={built} currency={currency} />
          </Card>
        </Tabs.Content>
        <Tabs.Content value="simulation" className="pt-4">
          <SimulationPanel
            columns={columns}
            built={built}
            currency={currency}
            saved={s.saved?.simulation ?? null}
            canSave={canWrite && !!s.saved && !s.dirty}
            saveHint={
              !data.me.canWrite ? null : !s.saved || s.dirty ? "Save the scenario to keep a simulation with it." : null
            }
            onSave={async (r, mine) => {
              try {
                const saved = await saveSim.mutateAsync({
                  orgSlug,
                  scenarioId: s.saved!.id,
                  version: s.saved!.version,
                  ...r,
                });
                await s.refresh();
                // The server re-runs the same seed; say whether its figures are this browser's.
                const same = JSON.stringify(saved.simulation.result) === JSON.stringify(mine);
                toast.success(
                  same
                    ? `Saved with the scenario (seed ${r.seed}). The server ran it again and got the same figures.`
                    : `Saved with the scenario (seed ${r.seed}). The server's run differs from this browser's; the server's figures are kept.`,
                );
              } catch (err) {
                toast.error(errorMessage(err));
              }
            }}
          />
        </Tabs.Content>
        <Tabs.Content value="decision" className="pt-4">
          {data.decision ? (
            <DecisionPanel
              decision={data.decision}
              built={built}
              currency={currency}
              me={data.me}
              printedName={me?.name ?? "you"}
              onSign={async (m) => {
                try {
                  const r = await sign.mutateAsync({ orgSlug, decisionId: data.decision!.id, ...m });
                  await s.refresh();
                  toast.success(r.awarded ? "Signed. Every approver has signed: the RFP is awarded." : "Signed.");
                  return null;
                } catch (err) {
                  return errorMessage(err);
                }
              }}
              reportButton={<ReportButton orgSlug={orgSlug} programmeId={data.programme.id} rfpId={data.rfp!.id} />}
              onWithdraw={() =>
                withdraw.mutate(
                  {
                    orgSlug,
                    decisionId: data.decision!.id,
                    version: data.decision!.version,
                    reason: "Withdrawn by the lead to propose again",
                  },
                  {
                    onSuccess: async () => {
                      await s.refresh();
                      toast.success("Proposal withdrawn.");
                    },
                    onError: (e) => toast.error(errorMessage(e)),
                  },
                )
              }
            />
          ) : (
            <Card>
              <EmptyState
                title="No proposal yet"
                description={
                  data.withdrawn
                    ? `${data.withdrawn} earlier proposal${data.withdrawn === 1 ? " was" : "s were"} withdrawn. Propose a portfolio from the Compare view.`
                    : "The lead proposes a portfolio from the Compare view; the approvers then sign it here."
                }
                action={<ReportButton orgSlug={orgSlug} programmeId={data.programme.id} rfpId={data.rfp!.id} />}
              />
            </Card>
          )}
        </Tabs.Content>
      </Tabs.Root>
    </div>
  );
}
