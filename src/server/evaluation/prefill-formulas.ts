import { QUALITY_FORMULA } from "../decision/quality-rules";
import type { AutoSource } from "./criteria";

/** How each automatic score is computed, as the pages show it beside the value. */
export const PREFILL_FORMULAS: Record<AutoSource, string> = {
  price:
    "Price: on each price line (stage), scale maximum x the lowest quote for it / this vendor's quote (decision model, " +
    "section 1); the vendor's score is the mean over the lines it quoted. Sealed quotes are not scored until the bids open.",
  quality: "Quality-system history: the vendor's quality score (0-100) mapped onto the scale. " + QUALITY_FORMULA,
  handoff:
    "Hand-off efficiency: the share of the programme's stages the vendor covers, mapped onto the scale " +
    "(every stage covered scores the maximum; fewer hand-offs between vendors).",
};
