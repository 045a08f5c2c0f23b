// An RFP's scope (the stages it asks prices for) and the price lines that go with it. Browser-safe:
// the new-RFP page shows the same default scope and preview the server will create.
//
// Invariant kept for every RFP this module builds: exactly one price line per stage in scope and
// none for a stage outside it (what publishing requires and what the matrix and portfolio model read).
import { STAGES, type StageCode } from "../vendors/catalog";
import { newId } from "./copy";
import type { Question, RfpContent, Section } from "./content";

const inOrderOf = (order: readonly string[], keep: Set<string>) => order.filter((s) => keep.has(s));

/**
 * The stages an RFP asks for when the sponsor did not choose: the programme's stages that the
 * template (or the copied RFP) covers, in the programme's order; all of the programme's stages
 * when that leaves none (or for a blank RFP).
 */
export function defaultScope(programmeStages: readonly StageCode[], covered?: readonly string[]): StageCode[] {
  if (!covered) return [...programmeStages];
  const within = inOrderOf(programmeStages, new Set(covered)) as StageCode[];
  return within.length ? within : [...programmeStages];
}

const stageLabel = (code: StageCode) => STAGES.find((s) => s.code === code)?.label ?? code;

/** A required price line for one stage, with a fresh id. */
export function priceLine(stage: StageCode): Question {
  return {
    id: newId(),
    kind: "price",
    stage,
    prompt: `${stageLabel(stage)}: price and duration`,
    help: "State batches, runs, reports and materials included, and any assumptions the price depends on.",
    required: true,
  };
}

/** A blank RFP: nothing but a price line for each stage in scope. */
export function blankContent(stages: readonly StageCode[]): RfpContent {
  return {
    sections: [
      {
        id: newId(),
        title: "Prices",
        description:
          "One price line per stage: the price, the expected duration in weeks (with a range if you give one) and what the price includes.",
        questions: stages.map(priceLine),
      },
    ],
  };
}

/**
 * The document with one price line per stage of `stages`: lines for stages outside the scope are
 * dropped, missing ones are added after the last price line of the section that holds most of them
 * (or in a new "Prices" section). Everything else is left where it was. Returns a new document.
 */
export function fitPriceLines(content: RfpContent, stages: readonly StageCode[]): RfpContent {
  const scope = new Set<string>(stages);
  const seen = new Set<string>();
  const sections: Section[] = content.sections.map((s) => ({
    ...s,
    questions: s.questions.filter((q) => {
      if (q.kind !== "price") return true;
      if (!scope.has(q.stage) || seen.has(q.stage)) return false;
      seen.add(q.stage);
      return true;
    }),
  }));
  const missing = stages.filter((s) => !seen.has(s));
  if (!missing.length) return { sections };
  const priceCount = (s: Section) => s.questions.filter((q) => q.kind === "price").length;
  const target = sections.reduce<Section | null>(
    (best, s) => (priceCount(s) > (best ? priceCount(best) : 0) ? s : best),
    null,
  );
  if (!target) return { sections: [...sections, ...blankContent(missing).sections] };
  const lastPrice = target.questions.findLastIndex((q) => q.kind === "price");
  target.questions = [
    ...target.questions.slice(0, lastPrice + 1),
    ...missing.map(priceLine),
    ...target.questions.slice(lastPrice + 1),
  ];
  return { sections };
}
