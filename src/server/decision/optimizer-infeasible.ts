import type { TConstraints } from "./portfolio-schema";
import type { PreparedProblem } from "./problem";

/**
 * Why nothing is feasible. The rule:
 * 1. A stage with no offer at all makes every assignment invalid: report each
 *    such stage as `offers` (no constraint can fix it).
 * 2. Otherwise, for each constraint that is set, solve again with only that
 *    constraint removed; every constraint whose removal alone yields a feasible
 *    portfolio is reported ("relaxing this one is enough").
 * 3. If no single removal helps, the constraints cut the candidates only
 *    together: report every constraint that is set, flagged `jointly`.
 * Under a time budget a relaxed search can be stopped before it finds or rules
 * out a portfolio (`feasible` returns null). Such constraints are reported as
 * `undecided` beside the ones shown to be enough, and rule 3 applies only
 * when every relaxed search finished.
 */
export type ConstraintName =
  "offers" | "maxVendors" | "budget" | "deadlineWeeks" | "minOfferScore" | "locked" | "excludedVendors";

export interface InfeasibleReason {
  constraint: ConstraintName;
  message: string;
  /** True when only the combination of constraints is infeasible (rule 3). */
  jointly: boolean;
  /**
   * Set (true) only when a time budget or a cancel ended the run before the
   * search without this constraint finished: relaxing it alone may or may not
   * be enough.
   */
  undecided?: true;
}

const DESCRIBE: Record<Exclude<ConstraintName, "offers">, (c: TConstraints) => string> = {
  maxVendors: (c) => `at most ${c.maxVendors} vendor(s)`,
  budget: (c) => `budget ${c.budget}`,
  deadlineWeeks: (c) => `deadline ${c.deadlineWeeks} weeks`,
  minOfferScore: (c) => `minimum offer score ${c.minOfferScore}`,
  locked: (c) => `locked stages ${JSON.stringify(c.locked)}`,
  excludedVendors: (c) => `excluded vendors ${JSON.stringify(c.excludedVendors)}`,
};

function without(c: TConstraints, name: Exclude<ConstraintName, "offers">): TConstraints {
  const copy = { ...c };
  delete copy[name];
  return copy;
}

export function explainInfeasible(
  p: PreparedProblem,
  c: TConstraints,
  feasible: (relaxed: TConstraints) => boolean | null,
): InfeasibleReason[] {
  const empty: InfeasibleReason[] = [];
  for (let s = 0; s < p.n; s++) {
    let any = false;
    for (let v = 0; v < p.V && !any; v++) any = p.hasOffer[s * p.V + v] === 1;
    if (!any) empty.push({ constraint: "offers", message: `stage "${p.stageIds[s]}" has no offer`, jointly: false });
  }
  if (empty.length) return empty;

  const active = (Object.keys(DESCRIBE) as Exclude<ConstraintName, "offers">[]).filter((name) => {
    const value = c[name];
    if (value === undefined) return false;
    if (name === "locked") return Object.keys(value as object).length > 0;
    if (name === "excludedVendors") return (value as string[]).length > 0;
    return true;
  });
  const verdicts = active.map((name) => feasible(without(c, name)));
  if (verdicts.some((x) => x !== false)) {
    return active.flatMap((name, i): InfeasibleReason[] => {
      if (verdicts[i] === false) return [];
      const what = DESCRIBE[name](c);
      return verdicts[i]
        ? [
            {
              constraint: name,
              message: `No portfolio is feasible with ${what}; relaxing this constraint alone makes one feasible.`,
              jointly: false,
            },
          ]
        : [
            {
              constraint: name,
              message: `No portfolio is feasible with ${what}; the run stopped before it could check whether relaxing this constraint alone is enough.`,
              jointly: false,
              undecided: true,
            },
          ];
    });
  }
  return active.map((name) => ({
    constraint: name,
    message: `No portfolio satisfies all constraints together, and relaxing ${DESCRIBE[name](c)} alone is not enough.`,
    jointly: true,
  }));
}
