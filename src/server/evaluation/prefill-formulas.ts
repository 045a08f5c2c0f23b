import { QUALITY_FORMULA } from "../decision/quality-score";
import type { AutoSource } from "./criteria";

/** How each automatic score is computed, as the pages show it beside the value. */
export const PREFILL_FORMULAS: Record<AutoSource, string> = {
  price:
    "Price: scale maximum x lowest complete quote / this vendor's quote (decision model, section 1). " +
    "A quote is complete when it prices every price line of the RFP; incomplete or sealed quotes are not scored.",
  quality: "Quality-system history: the vendor's quality score (0-100) mapped onto the scale. " + QUALITY_FORMULA,
  handoff:
    "Hand-off efficiency: the share of the programme's stages the vendor covers, mapped onto the scale " +
    "(every stage covered scores the maximum; fewer hand-offs between vendors).",
};
