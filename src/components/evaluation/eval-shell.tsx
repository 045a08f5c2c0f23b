"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { ErrorState } from "../ui/error-state";
import { TableSkeleton } from "../ui/skeleton";
import type { EvaluationData } from "./types";

export type EvalTab = "results" | "score" | "consensus" | "setup";
const TABS: { tab: EvalTab; label: string; path: string }[] = [
  { tab: "results", label: "Results", path: "" },
  { tab: "score", label: "Score", path: "/score" },
  { tab: "consensus", label: "Consensus", path: "/consensus" },
  { tab: "setup", label: "Criteria and weights", path: "/setup" },
];

/**
 * The evaluation's pages share one query (evaluation.get), a status line and a section nav; each
 * page is its own URL so a link to the consensus view or the results can be shared.
 */
export function EvalShell({
  orgSlug,
  rfpId,
  tab,
  children,
}: {
  orgSlug: string;
  rfpId: string;
  tab: EvalTab;
  children: (data: EvaluationData) => ReactNode;
}) {
  const trpc = useTRPC();
  const q = useQuery(trpc.evaluation.get.queryOptions({ orgSlug, rfpId }));
  const base = `/${orgSlug}/rfps/${rfpId}/evaluation`;
  return (
    <div className="space-y-4">
      <nav aria-label="Evaluation" className="flex flex-wrap items-center gap-1 border-b border-line">
        {TABS.map((t) => (
          <Link
            key={t.tab}
            href={`${base}${t.path}`}
            aria-current={t.tab === tab ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              t.tab === tab ? "border-brand-600 text-brand-800" : "border-transparent text-ink-muted hover:text-ink",
            )}
          >
            {t.label}
          </Link>
        ))}
        {q.data ? <StatusBadges data={q.data} /> : null}
      </nav>
      {q.isPending ? (
        <TableSkeleton label="Loading the evaluation" rows={8} />
      ) : q.isError ? (
        <Card>
          <ErrorState message={errorMessage(q.error)} onRetry={() => void q.refetch()} />
        </Card>
      ) : (
        children(q.data)
      )}
    </div>
  );
}

function StatusBadges({ data }: { data: EvaluationData }) {
  const submitted = data.evaluators.filter((e) => e.submittedAt).length;
  return (
    <div className="ml-auto flex items-center gap-2 pb-1">
      {data.scorecard.blind ? <Badge tone="brand">Blind scoring</Badge> : null}
      {data.scorecard.lockedAt ? (
        <Badge tone="success">Locked{data.scorecard.lockedByName ? ` by ${data.scorecard.lockedByName}` : ""}</Badge>
      ) : (
        <Badge>Open for scoring</Badge>
      )}
      <Badge>
        {submitted} of {data.evaluators.length} evaluators submitted
      </Badge>
    </div>
  );
}
