import { DecisionError, type DecisionPath } from "./errors";
import type { TCriterionInput } from "./scorecard-schema";

/**
 * Flattens the weighted criteria tree into leaves with effective weights.
 *
 * Invariants the scorecard relies on: ids are unique over the whole tree; every
 * sibling group has a positive weight sum, so every normalised weight is finite;
 * the effective weights of all leaves sum to 1.
 */
export interface FlatLeaf {
  id: string;
  /** Product of the normalised weights on the path from the root. */
  weight: number;
  /** Index into `tops` of the top-level criterion this leaf belongs to. */
  top: number;
  /**
   * Product of the normalised weights below the top-level criterion: the leaf's
   * weight renormalised within its category. Defined even when the category's
   * own weight is 0, which the sensitivity analysis needs.
   */
  local: number;
}

export interface TopCriterion {
  id: string;
  /** Normalised top-level weight (sums to 1 over tops). */
  weight: number;
  leaves: number[];
}

export interface CriteriaTree {
  leaves: FlatLeaf[];
  tops: TopCriterion[];
  leafIndex: Map<string, number>;
  innerIds: Set<string>;
}

function normalise(group: TCriterionInput[], path: DecisionPath): number[] {
  let sum = 0;
  for (const c of group) sum += c.weight;
  if (!(sum > 0)) {
    throw new DecisionError(
      "INVALID_INPUT",
      `sibling weights at ${path.join(".")} sum to 0; give at least one a positive weight`,
      path,
    );
  }
  return group.map((c) => c.weight / sum);
}

export function flattenCriteria(criteria: TCriterionInput[], basePath: DecisionPath = ["criteria"]): CriteriaTree {
  const leaves: FlatLeaf[] = [];
  const tops: TopCriterion[] = [];
  const leafIndex = new Map<string, number>();
  const innerIds = new Set<string>();
  const seen = new Set<string>();

  const walk = (node: TCriterionInput, weight: number, local: number, top: number, path: DecisionPath): void => {
    if (seen.has(node.id)) {
      throw new DecisionError("INVALID_INPUT", `duplicate criterion id "${node.id}"`, [...path, "id"]);
    }
    seen.add(node.id);
    const children = node.children ?? [];
    if (children.length === 0) {
      leafIndex.set(node.id, leaves.length);
      tops[top].leaves.push(leaves.length);
      leaves.push({ id: node.id, weight, top, local });
      return;
    }
    innerIds.add(node.id);
    const childPath = [...path, "children"];
    const w = normalise(children, childPath);
    children.forEach((child, i) => walk(child, weight * w[i], local * w[i], top, [...childPath, i]));
  };

  const topWeights = normalise(criteria, basePath);
  criteria.forEach((c, i) => {
    tops.push({ id: c.id, weight: topWeights[i], leaves: [] });
    walk(c, topWeights[i], 1, i, [...basePath, i]);
  });
  return { leaves, tops, leafIndex, innerIds };
}
