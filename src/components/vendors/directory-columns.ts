import type { DirectoryState } from "./directory-params";

/**
 * The directory's optional columns, which ones a person has chosen (kept in localStorage, so
 * the choice survives a reload but is nobody else's business), and what in a row answers the
 * active filters. Pure: the table and its tests read the same rules.
 */
export const MAX_COMPARE = 4;
export type Selection = Map<string, string>; // id -> name, kept across pages

export const COLUMN_CHOICES = [
  { id: "location", label: "Location", default: true },
  { id: "capabilities", label: "Capabilities", default: true },
  { id: "capacity", label: "Capacity", default: true },
  { id: "qualityScore", label: "Quality score", default: true },
  { id: "lastInspectionAt", label: "Last inspection", default: true },
  { id: "scale", label: "Scale", default: false },
  { id: "certifications", label: "Certifications", default: false },
] as const;

export type ColumnId = (typeof COLUMN_CHOICES)[number]["id"];
export const COLUMNS_STORAGE_KEY = "cdmo.directory.columns";
export const DEFAULT_COLUMNS: ColumnId[] = COLUMN_CHOICES.filter((c) => c.default).map((c) => c.id);
const KNOWN = new Set<string>(COLUMN_CHOICES.map((c) => c.id));

/** The stored choice, or the defaults when there is none or it cannot be read. Unknown ids are dropped. */
export function parseColumns(stored: string | null): ColumnId[] {
  if (!stored) return DEFAULT_COLUMNS;
  try {
    const v: unknown = JSON.parse(stored);
    if (!Array.isArray(v)) return DEFAULT_COLUMNS;
    return COLUMN_CHOICES.map((c) => c.id).filter((id) => v.includes(id) && KNOWN.has(id));
  } catch {
    return DEFAULT_COLUMNS;
  }
}

/** Turn one column on or off, keeping the catalogue's order. */
export function toggleColumn(current: ColumnId[], id: ColumnId, on: boolean): ColumnId[] {
  const set = new Set(current);
  if (on) set.add(id);
  else set.delete(id);
  return COLUMN_CHOICES.map((c) => c.id).filter((c) => set.has(c));
}

// Stages whose size is a bioreactor's (drug substance) or a fill batch's (drug product).
const BIOREACTOR_STAGES = new Set(["CLD", "PD", "DS_CLIN", "DS_COMM"]);
const BATCH_STAGES = new Set(["DP_FORM", "FILL", "LYO"]);

export type Capacity = "bioreactor" | "batch";

type Capable = { stages: string[]; modalities: string[]; scaleTiers: string[] };

/** The codes a row has that the filters asked for: shown first, and marked, in the row. */
export function matchedCapabilities(item: Capable, s: DirectoryState) {
  const hit = (have: string[], want: string[]) => have.filter((c) => want.includes(c));
  return {
    stages: hit(item.stages, s.stages),
    modalities: hit(item.modalities, s.modalities),
    scaleTiers: hit(item.scaleTiers, s.scaleTiers),
  };
}

/**
 * Which capacities the search is about, most relevant first: a minimum asked for, or a stage
 * whose size is measured that way (fill-finish: batch units; drug substance: litres). With
 * neither, both in their usual order.
 */
export function relevantCapacities(s: DirectoryState): { order: Capacity[]; asked: Set<Capacity> } {
  const asked = new Set<Capacity>();
  if (s.minBatchUnits || s.stages.some((c) => BATCH_STAGES.has(c))) asked.add("batch");
  if (s.minBioreactorLitres || s.stages.some((c) => BIOREACTOR_STAGES.has(c))) asked.add("bioreactor");
  const rest: Capacity[] = (["bioreactor", "batch"] as const).filter((c) => !asked.has(c));
  // A minimum typed in is the most specific question: it goes first.
  const first: Capacity[] = [...asked].sort((a, b) => Number(minOf(s, b)) - Number(minOf(s, a)));
  return { order: [...first, ...rest], asked };
}

const minOf = (s: DirectoryState, c: Capacity) => (c === "batch" ? !!s.minBatchUnits : !!s.minBioreactorLitres);

/** "2,000 L", "400k units": short enough for a table cell. */
export function shortQuantity(n: number, unit: "L" | "units"): string {
  if (n >= 1_000_000) return `${trim(n / 1_000_000)}M ${unit}`;
  if (n >= 10_000) return `${trim(n / 1000)}k ${unit}`;
  return `${n.toLocaleString("en-GB")} ${unit}`;
}

const trim = (x: number) => (Math.round(x * 10) / 10).toString();
