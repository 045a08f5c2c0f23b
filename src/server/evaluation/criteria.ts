import type { RfpWeights } from "../rfps/content";

// A scorecard's criteria tree as the sponsor edits it and the database stores it. Browser-safe
// and without zod: the schema the procedures check is in ./criteria-schema, which the setup form
// loads when it saves. The decision core
// only needs ids and weights; names, anchored scale descriptions and the automatic sources are
// the product's own.

/** Where an automatically scored leaf takes its value from (src/server/evaluation/prefill.ts). */
export const AUTO_SOURCES = ["price", "quality", "handoff"] as const;
export type AutoSource = (typeof AUTO_SOURCES)[number];

export const CRITERIA_LIMITS = { depth: 3, leaves: 60, children: 12, name: 80, description: 400, anchor: 160 };

export type Criterion = {
  id: string;
  name: string;
  weight: number;
  description?: string | null;
  /** One description per scale point, from the scale's minimum up. */
  anchors?: string[];
  auto?: AutoSource | null;
  children?: Criterion[];
};

export type Issue = { path: (string | number)[]; message: string };

/** Whole-tree rules: unique ids, depth, leaf count, sibling weights that can be normalised, one leaf per source. */
export function criteriaProblems(tree: Criterion[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const sources = new Set<AutoSource>();
  let leaves = 0;
  const walk = (group: Criterion[], path: (string | number)[], depth: number) => {
    if (group.reduce((s, c) => s + c.weight, 0) <= 0)
      issues.push({ path, message: "At least one criterion in each group needs a weight above 0." });
    group.forEach((c, i) => {
      const at = [...path, i];
      if (seen.has(c.id)) issues.push({ path: [...at, "id"], message: `The id "${c.id}" is used twice.` });
      seen.add(c.id);
      const kids = c.children ?? [];
      if (kids.length && depth >= CRITERIA_LIMITS.depth)
        issues.push({ path: [...at, "children"], message: "Criteria nest at most three levels deep." });
      if (kids.length && c.auto)
        issues.push({
          path: [...at, "auto"],
          message: `"${c.name}" has sub-criteria, so it cannot be scored automatically.`,
        });
      if (!kids.length) leaves++;
      if (c.auto) {
        if (sources.has(c.auto))
          issues.push({
            path: [...at, "auto"],
            message: `Only one criterion can be scored from ${AUTO_LABELS[c.auto]}.`,
          });
        sources.add(c.auto);
      }
      if (kids.length) walk(kids, [...at, "children"], depth + 1);
    });
  };
  if (tree.length === 0) issues.push({ path: [], message: "A scorecard needs at least one criterion." });
  walk(tree, [], 1);
  if (leaves > CRITERIA_LIMITS.leaves)
    issues.push({ path: [], message: `A scorecard has at most ${CRITERIA_LIMITS.leaves} scored criteria.` });
  return issues;
}

export const AUTO_LABELS: Record<AutoSource, string> = {
  price: "the quoted prices",
  quality: "the quality-system history",
  handoff: "stage coverage",
};

/** Generic anchors for a 0-5 scale; the sponsor rewrites them per criterion. */
export const DEFAULT_ANCHORS = [
  "Not addressed",
  "Poor: major gaps or risks",
  "Weak: several gaps",
  "Adequate: meets the requirement",
  "Good: exceeds it in places",
  "Excellent: best seen, with evidence",
];

const leaf = (id: string, name: string, weight: number, description: string, auto?: AutoSource): Criterion => ({
  id,
  name,
  weight,
  description,
  anchors: [...DEFAULT_ANCHORS],
  ...(auto ? { auto } : {}),
});

/** The four criteria sponsors start from, weighted as the RFP announced, each with sub-criteria. */
export function defaultCriteria(w: RfpWeights): Criterion[] {
  return [
    {
      id: "capability",
      name: "Capability",
      weight: w.capability,
      children: [
        leaf("capability.modality", "Modality and process fit", 40, "Experience with this modality and process."),
        leaf("capability.scale", "Scale and capacity", 30, "Bioreactor or batch scale and slots when needed."),
        leaf("capability.team", "Technical team and track record", 30, "Comparable programmes delivered."),
      ],
    },
    {
      id: "quality",
      name: "Quality-system history",
      weight: w.quality,
      children: [
        leaf("quality.history", "Inspection history", 60, "From FDA inspections, 483s and warning letters.", "quality"),
        leaf("quality.systems", "Quality systems and audit", 40, "Your own audit of the site's quality system."),
      ],
    },
    {
      id: "pricing",
      name: "Pricing",
      weight: w.pricing,
      children: [
        leaf("pricing.price", "Quoted price", 70, "The lowest complete quote scores the maximum.", "price"),
        leaf("pricing.terms", "Commercial terms", 30, "Payment milestones, change orders, cancellation."),
      ],
    },
    {
      id: "handoff",
      name: "Hand-off efficiency",
      weight: w.handoff,
      children: [
        leaf("handoff.coverage", "Stage coverage", 60, "Share of the programme's stages the vendor covers.", "handoff"),
        leaf("handoff.transfer", "Tech-transfer plan", 40, "Quality of the transfer plan between stages."),
      ],
    },
  ];
}

export type FlatCriterion = {
  id: string;
  name: string;
  /** Names from the top-level criterion down, for labels ("Pricing / Quoted price"). */
  path: string[];
  topId: string;
  /** Normalised among siblings, and the product along the path (what the total uses). */
  localWeight: number;
  effectiveWeight: number;
  depth: number;
  leaf: boolean;
  auto: AutoSource | null;
  anchors: string[];
  description: string | null;
};

/** Every node in display order with its normalised and effective weights (0 where a group sums to 0). */
export function flatten(tree: Criterion[]): FlatCriterion[] {
  const out: FlatCriterion[] = [];
  const walk = (group: Criterion[], parentWeight: number, names: string[], topId: string | null, depth: number) => {
    const sum = group.reduce((s, c) => s + c.weight, 0);
    for (const c of group) {
      const local = sum > 0 ? c.weight / sum : 0;
      const kids = c.children ?? [];
      const path = [...names, c.name];
      const top = topId ?? c.id;
      out.push({
        id: c.id,
        name: c.name,
        path,
        topId: top,
        localWeight: local,
        effectiveWeight: parentWeight * local,
        depth,
        leaf: kids.length === 0,
        auto: kids.length ? null : (c.auto ?? null),
        anchors: c.anchors ?? [],
        description: c.description ?? null,
      });
      if (kids.length) walk(kids, parentWeight * local, path, top, depth + 1);
    }
  };
  walk(tree, 1, [], null, 0);
  return out;
}

export const leavesOf = (tree: Criterion[]) => flatten(tree).filter((c) => c.leaf);

/** The tree as the decision core reads it: ids, weights and children only. */
export type DecisionCriterion = { id: string; weight: number; children?: DecisionCriterion[] };
export function toDecisionCriteria(tree: Criterion[]): DecisionCriterion[] {
  return tree.map((c) =>
    c.children?.length
      ? { id: c.id, weight: c.weight, children: toDecisionCriteria(c.children) }
      : { id: c.id, weight: c.weight },
  );
}

/** A copy of the tree with the top-level weights replaced (the results page's sliders). */
export function withTopWeights(tree: Criterion[], weights: Record<string, number>): Criterion[] {
  return tree.map((c) => ({ ...c, weight: weights[c.id] ?? c.weight }));
}
