import {
  CERTIFICATIONS,
  COUNTRIES,
  MODALITIES,
  REGIONS,
  SCALE_TIERS,
  STAGES,
  countryName as catalogCountryName,
} from "@/server/vendors/catalog";
import type { Option } from "./checkbox-group";

// The catalog is the single source of codes and labels (the server validates against it);
// this module only turns it into select/checkbox options.
const toOptions = (list: readonly { code: string; label: string }[]): Option[] =>
  list.map((e) => ({ value: e.code, label: e.label }));

export const STAGE_OPTIONS = toOptions(STAGES);
export const MODALITY_OPTIONS = toOptions(MODALITIES);
export const SCALE_OPTIONS = toOptions(SCALE_TIERS);
export const REGION_OPTIONS = toOptions(REGIONS);
export const CERTIFICATION_SUGGESTIONS: readonly string[] = CERTIFICATIONS;

export const COUNTRY_OPTIONS: Option[] = Object.entries(COUNTRIES)
  .map(([code, [name]]) => ({ value: code, label: name }))
  .sort((a, b) => a.label.localeCompare(b.label));

/** The country options, plus `current` when it is outside the catalogue (so saving keeps it). */
export function countryOptionsWith(current: string | null | undefined): Option[] {
  if (!current || COUNTRY_OPTIONS.some((o) => o.value === current)) return COUNTRY_OPTIONS;
  return [{ value: current, label: current }, ...COUNTRY_OPTIONS];
}

/** "DE" -> "Germany"; codes outside the catalogue are shown as they are. */
export function countryName(code: string | null | undefined): string {
  if (!code) return "—";
  return catalogCountryName(code) ?? code;
}

export { modalityLabel, regionLabel, scaleTierLabel as scaleLabel, stageLabel } from "@/server/vendors/catalog";

export const CLASSIFICATION_LABELS: Record<string, string> = {
  NAI: "NAI — no action indicated",
  VAI: "VAI — voluntary action indicated",
  OAI: "OAI — official action indicated",
};
