// Sections 2-4 of the decision report: the portfolios compared (metrics, cost against duration,
// a timeline each), the scenario the comparison and the decision rest on, and its Monte Carlo.
import type { Content } from "pdfmake/interfaces";
import type { PortfolioMetrics } from "../decision";
import { ASSUMPTION_FIELDS } from "@/components/programmes/assumptions";
import { stageName } from "./build";
import { drivers } from "./compare";
import { ganttSvg, histogramSvg, scatterSvg, vendorColours, type ScatterPoint } from "./report-charts";
import { money, num, pct, utcMinute, weeks } from "./report-format";
import { figure, h2, h3, keep, keyValues, note, para, table } from "./report-layout";
import type { ReportData, ReportPortfolio } from "./report-types";

const ARCHETYPE_MARK: Record<string, ScatterPoint["kind"]> = {
  integrated: "integrated",
  specialized: "specialized",
  hybrid: "hybrid",
};
const LETTER: Record<string, string> = { integrated: "I", specialized: "S", hybrid: "H", chosen: "C" };

function namer(d: ReportData) {
  return (id: string) => d.vendorNames[id] ?? id;
}

function byStage(m: PortfolioMetrics, d: ReportData): string {
  const name = namer(d);
  return d.built.problem.stages.map((s) => `${stageName(s.id)}: ${name(m.assignment[s.id] ?? "")}`).join("\n");
}

/** "Upstream Co: CLD, PD, DS_CLIN" per vendor, for the long list of the optimiser's best. */
function byVendor(m: PortfolioMetrics, d: ReportData): string {
  const stages = new Map<string, string[]>();
  for (const s of d.built.problem.stages) {
    const v = m.assignment[s.id] ?? "";
    stages.set(v, [...(stages.get(v) ?? []), s.id]);
  }
  return [...stages].map(([v, ids]) => `${namer(d)(v)}: ${ids.join(", ")}`).join("\n");
}

function metricsTable(cols: ReportPortfolio[], d: ReportData): Content {
  const cur = d.programme.currency;
  const row = (label: string, f: (m: PortfolioMetrics) => string) => [
    { text: label, bold: true },
    ...cols.map((c) => (c.metrics ? f(c.metrics) : "-")),
  ];
  return table(
    ["", ...cols.map((c) => `${c.label}${c.optimum ? " (optimum)" : ""}`)],
    [
      [
        { text: "Vendors by stage", bold: true },
        ...cols.map((c) => (c.metrics ? byStage(c.metrics, d) : (c.empty ?? "-"))),
      ],
      row("Archetype", (m) => m.archetype),
      row("Vendors", (m) => String(m.vendorCount)),
      row("Transfers (external / internal)", (m) => `${m.externalTransfers} / ${m.internalTransfers}`),
      row("Cost", (m) => money(m.cost, cur)),
      row("Duration", (m) => weeks(m.durationWeeks)),
      row("Disruption probability", (m) => pct(m.disruptionProbability)),
      row("Expected disruption delay", (m) => weeks(m.expectedDisruptionDelayWeeks)),
      row("Risk-adjusted cost", (m) => money(m.riskAdjustedCost, cur)),
      row("Largest vendor share", (m) => (m.largestVendorShare === null ? "-" : pct(m.largestVendorShare, 0))),
      row("Offer score", (m) => (m.qualityScore === null ? "-" : num(m.qualityScore, 1))),
    ],
    [95, ...cols.map(() => "*")],
  );
}

export function portfoliosContent(d: ReportData): Content[] {
  const cols = [...d.comparison.columns, ...(d.chosen ? [d.chosen] : [])];
  const cur = d.programme.currency;
  const out: Content[] = [
    keep(
      0,
      h2("2. Portfolios compared"),
      para(
        `Computed on scenario "${d.scenario.name}" from today's offers: the best integrated (one vendor), the best specialized (a different vendor per stage) and the optimiser's best hybrid under the scenario's constraints${d.chosen ? `, next to ${d.chosen.label.toLowerCase()}` : ""}. The objective is the lowest risk-adjusted cost (decision model sections 3-4).`,
      ),
    ),
  ];
  if (d.built.uncovered.length)
    out.push(para(`Nobody quoted, and no estimate covers: ${d.built.uncovered.map(stageName).join(", ")}.`));
  if (d.comparison.error) out.push(para(`The comparison could not be computed: ${d.comparison.error}.`));
  if (d.comparison.infeasible.length)
    out.push(para(`Nothing is feasible under the constraints: ${d.comparison.infeasible.join(" ")}`));
  if (cols.length) out.push(keep(12, metricsTable(cols, d)));
  const best = d.comparison.top[0];
  if (d.chosen?.metrics && best && d.chosen.metrics.riskAdjustedCost !== best.riskAdjustedCost)
    out.push(
      keep(0, h3("What separates the chosen portfolio from the optimiser's best"), {
        ul: drivers(
          { label: "The chosen portfolio", m: d.chosen.metrics },
          { label: "The optimiser's best", m: best },
          d.built,
          cur,
        ),
      }),
    );

  const points: ScatterPoint[] = d.comparison.top.map((m, i) => ({
    mark: String(i + 1),
    cost: m.cost,
    weeks: m.durationWeeks,
    kind: "top",
  }));
  for (const c of cols)
    if (c.metrics) {
      const kind = c.key === "chosen" ? "chosen" : ARCHETYPE_MARK[c.key];
      if (kind) points.push({ mark: LETTER[kind]!, cost: c.metrics.cost, weeks: c.metrics.durationWeeks, kind });
    }
  if (points.length) {
    out.push(
      figure(
        "Cost against duration",
        scatterSvg(points, cur),
        "Numbers: the optimiser's best portfolios by rank (lowest risk-adjusted cost first), listed below.",
      ),
    );
    out.push(
      keep(
        d.comparison.top.length,
        table(
          ["#", "Stages by vendor", "Cost", "Duration", "Risk-adjusted cost"],
          d.comparison.top.map((m, i) => [
            i + 1,
            byVendor(m, d),
            money(m.cost, cur),
            weeks(m.durationWeeks),
            money(m.riskAdjustedCost, cur),
          ]),
          [18, "*", 85, 50, 95],
        ),
      ),
    );
  }

  const colours = vendorColours([
    ...d.built.problem.vendors.map((v) => v.id),
    ...Object.keys(d.vendorNames).filter((id) => !d.built.problem.vendors.some((v) => v.id === id)),
  ]);
  const names = { stage: stageName, vendor: namer(d) };
  cols
    .filter((c) => c.metrics)
    .forEach((c, i) => {
      const chart = figure(
        `${c.label}: ${weeks(c.metrics!.durationWeeks)}, ${money(c.metrics!.riskAdjustedCost, cur)} risk-adjusted`,
        ganttSvg(c.problem, c.metrics!.assignment, names, colours),
      );
      out.push(i === 0 ? keep(0, h3("Timelines"), chart) : chart);
    });
  return out;
}

function constraintLines(d: ReportData): string[] {
  const c = d.scenario.settings.constraints;
  const name = namer(d);
  const cur = d.programme.currency;
  return [
    ...(c.maxVendors !== null ? [`At most ${c.maxVendors} vendor(s).`] : []),
    ...(c.budget !== null ? [`Budget: ${money(c.budget, cur)}.`] : []),
    ...(c.deadlineWeeks !== null ? [`Deadline: ${weeks(c.deadlineWeeks)}.`] : []),
    ...(c.minOfferScore !== null ? [`Minimum offer score: ${c.minOfferScore}.`] : []),
    ...Object.entries(c.locked).map(([s, v]) => `${stageName(s)} locked to ${name(v)}.`),
    ...(c.excludedVendors.length ? [`Excluded: ${c.excludedVendors.map(name).join(", ")}.`] : []),
  ];
}

export function scenarioContent(d: ReportData): Content[] {
  const cur = d.programme.currency;
  const name = namer(d);
  const source = {
    decision: "the scenario the decision was proposed on",
    first: "no decision yet: the programme's first scenario",
    defaults: "no decision and no saved scenario yet: the programme's assumptions, without constraints",
  }[d.scenario.source];
  const assignment = d.decision?.assignment ?? d.scenario.assignment ?? d.comparison.top[0]?.assignment ?? null;
  const problem = d.chosen?.problem ?? d.built.problem;
  const estimate = (id: string) => d.built.vendors.find((v) => v.id === id)?.estimate ?? false;
  const out: Content[] = [
    keep(
      0,
      h2("3. Chosen scenario"),
      keyValues([
        ["Scenario", d.scenario.name],
        ["Basis", source],
      ]),
    ),
  ];

  const heading = h3(
    d.decision
      ? "Assignment (as signed)"
      : d.scenario.assignment
        ? "Assignment (the scenario's own)"
        : "Assignment (the optimiser's best)",
  );
  if (!assignment) out.push(keep(0, heading, para("No assignment: nothing is feasible yet.")));
  else
    out.push(
      keep(
        problem.stages.length,
        heading,
        table(
          ["Stage", "Vendor", "Price", "Weeks (range)"],
          problem.stages.map((s) => {
            const v = assignment[s.id] ?? "";
            const o = problem.offers.find((x) => x.vendorId === v && x.stageId === s.id);
            const range =
              o && (o.durationMinWeeks !== undefined || o.durationMaxWeeks !== undefined)
                ? ` (${o.durationMinWeeks ?? o.durationWeeks}-${o.durationMaxWeeks ?? o.durationWeeks})`
                : "";
            return [
              stageName(s.id),
              `${name(v)}${estimate(v) && !name(v).includes("(estimate)") ? " (estimate)" : ""}`,
              o ? money(o.price, cur) : "-",
              o ? `${num(o.durationWeeks, 0)}${range}` : "-",
            ];
          }),
          ["*", "*", 90, 70],
        ),
      ),
    );

  const lines = constraintLines(d);
  out.push(keep(lines.length, h3("Constraints"), lines.length ? { ul: lines } : para("None.")));

  const a = d.scenario.settings.assumptions;
  out.push(
    keep(
      ASSUMPTION_FIELDS.length + 1,
      h3("Assumptions"),
      table(
        ["Assumption", "Value"],
        [
          ...ASSUMPTION_FIELDS.map((f) => [
            f.label,
            f.unit === "weeks" ? weeks(a[f.key]) : f.unit === "money" ? money(a[f.key], cur) : pct(a[f.key]),
          ]),
          ["Cost of delay per week", money(a.costOfDelayPerWeek, cur)],
        ],
        ["*", 140],
      ),
    ),
  );

  out.push(
    keep(
      d.built.vendors.length,
      h3("Disruption risk and bundle discounts by vendor"),
      table(
        ["Vendor", "Annual risk", "Source", "Basis or reason", "Bundle discount"],
        d.built.vendors.map((v) => [
          `${v.name}${v.estimate && !v.name.includes("(estimate)") ? " (estimate)" : ""}`,
          pct(v.annualRisk, 2),
          v.riskSource === "override" ? "team override" : "derived",
          v.riskSource === "override" ? `${v.riskBasis} (derived: ${pct(v.derivedRisk, 2)})` : v.riskBasis,
          v.bundle
            ? `${pct(v.bundle.rate, 0)} from ${v.bundle.minStages} stages (${v.bundleSource === "team" ? "set by the team" : "offered"})`
            : "none",
        ]),
        [90, 50, 55, "*", 90],
      ),
    ),
  );

  const est = d.scenario.settings.estimates;
  const estimates = h3("Estimates (figures the team entered where nobody quoted)");
  if (!est.length) out.push(keep(0, estimates, para("None: every figure comes from a response.")));
  else
    out.push(
      keep(
        est.length,
        estimates,
        table(
          ["Estimate", "Stage", "For", "Price", "Weeks", "Note"],
          est.map((e) => [
            `${e.label} (estimate)`,
            stageName(e.stageId),
            e.vendorId ? name(e.vendorId) : "placeholder vendor",
            money(e.price, cur),
            num(e.durationWeeks, 0),
            [e.note ?? "", d.built.ignored.find((i) => i.id === e.id)?.why ?? ""].filter(Boolean).join(" ") || "-",
          ]),
          [80, 70, 70, 70, 35, "*"],
        ),
      ),
    );
  return out;
}

export function monteCarloContent(d: ReportData): Content[] {
  const sim = d.scenario.simulation;
  if (!sim) return [keep(0, h2("4. Monte Carlo"), para("Not run: no simulation is saved with this scenario."))];
  const r = sim.result;
  const cur = d.programme.currency;
  const chosen = d.decision?.assignment ?? d.scenario.assignment;
  const same =
    chosen &&
    Object.keys(chosen).length === Object.keys(sim.assignment).length &&
    Object.entries(chosen).every(([s, v]) => sim.assignment[s] === v);
  const row = (label: string, s: typeof r.durationWeeks, f: (x: number) => string) => [
    label,
    f(s.mean),
    f(s.p10),
    f(s.p50),
    f(s.p90),
  ];
  return [
    keep(
      2,
      h2("4. Monte Carlo"),
      para(
        `${sim.iterations.toLocaleString("en-US")} iterations, seed ${sim.seed}, run by the server at ${utcMinute(new Date(sim.at))} on ${same ? "the chosen assignment" : "this assignment (not the chosen one)"}: ${d.built.problem.stages.map((s) => `${s.id}: ${namer(d)(sim.assignment[s.id] ?? "")}`).join(", ")}. The same seed gives the same result.`,
      ),
      table(
        ["", "Mean", "P10", "P50", "P90"],
        [row("Duration", r.durationWeeks, weeks), row("Risk-adjusted cost", r.riskAdjustedCost, (x) => money(x, cur))],
        [95, "*", "*", "*", "*"],
      ),
    ),
    figure(
      "Distribution of the duration",
      histogramSvg(r.histogram, [
        { label: "P10", at: r.durationWeeks.p10 },
        { label: "P50", at: r.durationWeeks.p50 },
        { label: "P90", at: r.durationWeeks.p90 },
      ]),
    ),
    note(
      "Each iteration draws every stage's duration (triangular: the quoted range, or 0.85 to 1.5 times the quote), transfer failures and vendor disruptions (decision model section 5).",
    ),
  ];
}
