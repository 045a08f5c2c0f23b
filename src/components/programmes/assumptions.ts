import { DEFAULT_ASSUMPTIONS, type TAssumptions } from "@/server/programmes/model";

// What the form and the programme page say about each portfolio assumption (decision-model.md
// section 3). The values and defaults come from the decision core; this is only their wording.

export type AssumptionKey = keyof TAssumptions;
export type AssumptionUnit = "weeks" | "money" | "rate";

export const ASSUMPTION_FIELDS: {
  key: Exclude<AssumptionKey, "costOfDelayPerWeek">;
  label: string;
  unit: AssumptionUnit;
  help: string;
}[] = [
  {
    key: "onboardingWeeks",
    label: "Onboarding",
    unit: "weeks",
    help: "Contracting and onboarding before the first stage starts.",
  },
  {
    key: "externalTransferWeeks",
    label: "External tech transfer time",
    unit: "weeks",
    help: "Added each time the next stage is at another company.",
  },
  {
    key: "externalTransferCost",
    label: "External tech transfer cost",
    unit: "money",
    help: "Paid for each transfer to another company.",
  },
  {
    key: "internalTransferWeeks",
    label: "Internal hand-over time",
    unit: "weeks",
    help: "Added when the next stage stays with the same company.",
  },
  {
    key: "internalTransferCost",
    label: "Internal hand-over cost",
    unit: "money",
    help: "Paid for each hand-over inside one company.",
  },
  {
    key: "vendorOverheadCost",
    label: "Overhead per vendor",
    unit: "money",
    help: "Qualification, audits, quality agreement and management of each company contracted.",
  },
  {
    key: "disruptionDelayWeeks",
    label: "Delay when a vendor is disrupted",
    unit: "weeks",
    help: "Time lost when a vendor fails mid-programme, plus a transfer for each further stage it held.",
  },
  {
    key: "externalTransferFailureRate",
    label: "External transfer failure rate",
    unit: "rate",
    help: "Chance an external transfer fails and takes half its time again (simulation).",
  },
  {
    key: "internalTransferFailureRate",
    label: "Internal hand-over failure rate",
    unit: "rate",
    help: "Chance an internal hand-over fails and takes its time again (simulation).",
  },
];

export const COST_OF_DELAY_HELP =
  "What a week of delay costs the programme (lost sales, burn). The portfolio model adds it for every week of duration and expected disruption.";

export { DEFAULT_ASSUMPTIONS };

/** Whether a stored value is the decision model's default (shown as such on the page). */
export const isDefault = (key: AssumptionKey, value: number) => DEFAULT_ASSUMPTIONS[key] === value;
