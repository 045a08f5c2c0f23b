import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS } from "../rfps/content";
import { defaultCriteria, flatten, leavesOf, toDecisionCriteria, withTopWeights } from "./criteria";
import { ZCriteriaTree } from "./criteria-schema";

describe("the criteria tree", () => {
  const tree = defaultCriteria(DEFAULT_WEIGHTS);

  it("starts from the four criteria with an automatic leaf for price, quality and hand-off", () => {
    expect(ZCriteriaTree.safeParse(tree).success).toBe(true);
    expect(leavesOf(tree).flatMap((l) => (l.auto ? [l.auto] : []))).toEqual(["quality", "price", "handoff"]);
  });

  it("normalises siblings and multiplies along the path", () => {
    const flat = flatten(tree);
    const leafSum = flat.filter((c) => c.leaf).reduce((s, c) => s + c.effectiveWeight, 0);
    expect(leafSum).toBeCloseTo(1, 12);
    const price = flat.find((c) => c.id === "pricing.price")!;
    expect(price.effectiveWeight).toBeCloseTo(0.25 * 0.7, 12);
    expect(price.path).toEqual(["Pricing", "Quoted price"]);
  });

  it("refuses duplicate ids, groups weighted 0, two leaves from one source and automatic inner nodes", () => {
    const bad = ZCriteriaTree.safeParse([
      { id: "a", name: "A", weight: 0, auto: "price", children: [{ id: "b", name: "B", weight: 0 }] },
      { id: "b", name: "B again", weight: 0, auto: "price" },
    ]);
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        ": At least one criterion in each group needs a weight above 0.",
        "0.children: At least one criterion in each group needs a weight above 0.",
        '1.id: The id "b" is used twice.',
        '0.auto: "A" has sub-criteria, so it cannot be scored automatically.',
      ]),
    );
  });

  it("hands the decision core ids and weights only, and swaps top-level weights for the sliders", () => {
    const d = toDecisionCriteria(tree);
    expect(Object.keys(d[0]!).sort()).toEqual(["children", "id", "weight"]);
    const moved = withTopWeights(tree, { pricing: 60 });
    expect(moved.map((c) => c.weight)).toEqual([35, 25, 60, 15]);
  });
});
