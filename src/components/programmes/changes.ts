import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { ASSUMPTION_FIELDS } from "./assumptions";
import { formatAssumption, formatDay, formatMoney, modalityLabel, phaseLabel, stageLabel } from "./format";

export type ProgrammeView = inferRouterOutputs<AppRouter>["programme"]["get"];

/** What differs between two versions of a programme, in words a person checks before saving again. */
export function changedFields(mine: ProgrammeView, theirs: ProgrammeView): { label: string; now: string }[] {
  const out: { label: string; now: string }[] = [];
  const money = (n: number | null) => formatMoney(n, theirs.currency);
  const check = (label: string, a: unknown, b: unknown, now: string) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ label, now });
  };
  check("Name", mine.name, theirs.name, theirs.name);
  check("Molecule", mine.molecule, theirs.molecule, theirs.molecule);
  check("Modality", mine.modality, theirs.modality, modalityLabel(theirs.modality));
  check("Phase", mine.phase, theirs.phase, phaseLabel(theirs.phase));
  check("Stages", mine.stages, theirs.stages, theirs.stages.map(stageLabel).join(" → "));
  check("Description", mine.description, theirs.description, theirs.description ?? "(empty)");
  check("Start date", mine.startDate, theirs.startDate, formatDay(theirs.startDate));
  check("Target date", mine.targetDate, theirs.targetDate, formatDay(theirs.targetDate));
  check("Budget", mine.budget, theirs.budget, money(theirs.budget));
  check("Currency", mine.currency, theirs.currency, theirs.currency);
  check("Cost of delay per week", mine.costOfDelayPerWeek, theirs.costOfDelayPerWeek, money(theirs.costOfDelayPerWeek));
  for (const f of ASSUMPTION_FIELDS)
    check(
      f.label,
      mine.assumptions[f.key],
      theirs.assumptions[f.key],
      formatAssumption(theirs.assumptions[f.key], f.unit, theirs.currency),
    );
  return out;
}
