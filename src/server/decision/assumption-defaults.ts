// The portfolio model's default assumptions (decision-model.md section 3), in one place: the
// decision core's schema fills them in, and pages show them without loading the schema.
export const ASSUMPTION_DEFAULTS = {
  externalTransferWeeks: 12,
  externalTransferCost: 250000,
  internalTransferWeeks: 2,
  internalTransferCost: 25000,
  vendorOverheadCost: 150000,
  onboardingWeeks: 8,
  disruptionDelayWeeks: 26,
  costOfDelayPerWeek: 500000,
  externalTransferFailureRate: 0.15,
  internalTransferFailureRate: 0.05,
} as const;
