// The evaluation part of the decision report, from the same decision-core input the evaluation
// pages compute from: weights, ranking, what flips the winner (sensitivity) and how sure the
// winner is (rank acceptability, seeded so the same data always prints the same shares). Pure.
import { analyzeSensitivity, computeAcceptability, computeScorecard, isDecisionError } from "../decision";
import { flatten } from "../evaluation/criteria";
import type { EvaluationView } from "../evaluation/load";
import type { Content } from "pdfmake/interfaces";
import { num } from "./report-format";
import { h2, h3, keep, note, para, table } from "./report-layout";
import type { AcceptabilityData, EvaluationData, SensitivityData } from "./report-types";

export const ACCEPTABILITY_RUN = { iterations: 10_000, seed: 1 } as const;

const why = (e: unknown) => (isDecisionError(e) ? e.message : "the analysis failed on this data");

export function evaluationData(
  view: Pick<EvaluationView, "input" | "vendors" | "scorecard">,
  run: { iterations: number; seed: number } = ACCEPTABILITY_RUN,
): EvaluationData {
  const input = view.input;
  if (!input)
    return {
      kind: "none",
      why: "The evaluation is blind and your own scores are not submitted yet, so the team's scores are not shown in this report.",
    };
  const vendorName = (id: string | null) => (id ? (view.vendors.find((v) => v.id === id)?.name ?? id) : null);
  const nodes = flatten(view.scorecard.criteria);
  const criterionName = (id: string) => nodes.find((n) => n.id === id)?.name ?? id;
  let vendors;
  try {
    vendors = computeScorecard(input).vendors;
  } catch (e) {
    return { kind: "none", why: `The scorecard could not be computed: ${why(e)}.` };
  }
  if (vendors.every((v) => v.total === null))
    return { kind: "none", why: "No vendor has a score yet, so there is no ranking to report." };

  let sensitivity: SensitivityData;
  try {
    const s = analyzeSensitivity(input);
    sensitivity = {
      leader: vendorName(s.leaderId),
      rows: s.criteria.map((c) => ({
        criterion: criterionName(c.criterionId),
        weight: c.weight,
        low: c.low,
        high: c.high,
        lowChallenger: vendorName(c.lowChallenger),
        highChallenger: vendorName(c.highChallenger),
      })),
      excluded: s.excludedVendors.map((id) => vendorName(id)!),
    };
  } catch (e) {
    sensitivity = { error: why(e) };
  }

  let acceptability: AcceptabilityData;
  try {
    const a = computeAcceptability({ ...input, iterations: run.iterations, seed: run.seed });
    acceptability = {
      iterations: a.iterations,
      seed: a.seed,
      spread: a.spread,
      rows: a.vendors.map((v) => ({ vendor: vendorName(v.vendorId)!, shares: v.acceptability })),
      excluded: a.excludedVendors.map((id) => vendorName(id)!),
    };
  } catch (e) {
    acceptability = { error: why(e) };
  }

  return {
    kind: "ok",
    scale: view.scorecard.scale,
    aggregation: view.scorecard.aggregation,
    weights: nodes.map((n) => ({
      name: n.name,
      depth: n.depth,
      local: n.localWeight,
      effective: n.effectiveWeight,
      auto: n.auto,
    })),
    ranking: [...vendors]
      .sort((a, b) => a.rank - b.rank)
      .map((v) => ({ rank: v.rank, vendor: vendorName(v.vendorId)!, total: v.total, coverage: v.coverage })),
    sensitivity,
    acceptability,
  };
}

const share = (x: number) => `${num(x * 100, 1)}%`;

/** Section 1 of the report. */
export function evaluationContent(ev: EvaluationData): Content[] {
  if (ev.kind === "none") return [keep(0, h2("1. Evaluation"), para(ev.why))];
  const out: Content[] = [
    keep(
      0,
      h2("1. Evaluation"),
      note(
        `Scores on a ${ev.scale.min}-${ev.scale.max} scale, the ${ev.aggregation} of the evaluators per criterion; totals 0-100 over the scored criteria (decision model section 1).`,
      ),
    ),
    keep(
      ev.weights.length,
      h3("Criteria weights"),
      table(
        ["Criterion", "Share of its group", "Effective weight", "Scored by"],
        ev.weights.map((w) => [
          { text: `${"    ".repeat(w.depth)}${w.name}`, bold: w.depth === 0 },
          share(w.local),
          share(w.effective),
          w.auto ? `automatic (${w.auto})` : "evaluators",
        ]),
        ["*", 80, 80, 90],
      ),
    ),
    keep(
      ev.ranking.length,
      h3("Ranking"),
      table(
        ["Rank", "Vendor", "Total (0-100)", "Coverage"],
        ev.ranking.map((r) => [r.rank, r.vendor, r.total === null ? "not scored" : num(r.total, 1), share(r.coverage)]),
        [35, "*", 80, 70],
      ),
    ),
  ];
  const s = ev.sensitivity;
  const sensitivity = h3("Sensitivity: what flips the winner");
  if ("error" in s) out.push(keep(0, sensitivity, para(`Not computed: ${s.error}.`)));
  else if (!s.leader)
    out.push(
      keep(0, sensitivity, para("No vendor is scored in every top-level category, so there is no leader to test.")),
    );
  else
    out.push(
      keep(
        s.rows.length,
        sensitivity,
        para(
          `Leader: ${s.leader}. Each top-level weight can move within its interval (the others keep their proportions) without another vendor overtaking the leader.`,
        ),
        table(
          ["Criterion", "Weight", "Leader holds from", "to", "Overtaken below by", "Overtaken above by"],
          s.rows.map((r) => [
            r.criterion,
            share(r.weight),
            share(r.low),
            share(r.high),
            r.lowChallenger ?? "-",
            r.highChallenger ?? "-",
          ]),
          ["*", 45, 60, 45, 80, 80],
        ),
        ...(s.excluded.length ? [note(`Not compared (a category has no score): ${s.excluded.join(", ")}.`)] : []),
      ),
    );
  const a = ev.acceptability;
  const acceptability = h3("Rank acceptability: how sure is the winner");
  if ("error" in a) out.push(keep(0, acceptability, para(`Not computed: ${a.error}.`)));
  else if (!a.rows.length) out.push(keep(0, acceptability, para("No vendor is scored in every top-level category.")));
  else {
    const ranks = Math.min(5, a.rows.length);
    out.push(
      keep(
        a.rows.length,
        acceptability,
        para(
          `Share of ${a.iterations.toLocaleString("en-US")} draws (seed ${a.seed}) in which each vendor ranks 1st, 2nd, ...; top-level weights drawn within +/-${Math.round(a.spread * 100)}% of the set weights (SMAA-2, decision model section 2b).`,
        ),
        table(
          ["Vendor", ...Array.from({ length: ranks }, (_, i) => `Rank ${i + 1}`)],
          a.rows.map((r) => [r.vendor, ...r.shares.slice(0, ranks).map(share)]),
          ["*", ...Array.from({ length: ranks }, () => 55)],
        ),
        ...(a.excluded.length ? [note(`Not compared (a category has no score): ${a.excluded.join(", ")}.`)] : []),
      ),
    );
  }
  return out;
}
