// The demo programme's offers: what each platform CDMO quotes per stage in the closed RFP's
// response (price in USD, expected weeks, with a range for some). Tuned so that under
// decision-model.md section 3, with the programme's assumptions below, the best integrated
// (Northbridge end to end), the best specialized (six companies) and the optimiser's best
// hybrid come out within about 15% of each other in risk-adjusted cost, and the hybrid is not
// dominated: a real choice for the portfolio page, not a foregone one (seed-offers.test.ts).
import type { StageCode } from "../../../src/server/vendors/catalog";

export const DEMO_STAGES = ["CLD", "PD", "DS_CLIN", "DP_FORM", "FILL", "QC"] as const satisfies readonly StageCode[];
export type DemoStage = (typeof DEMO_STAGES)[number];

/** A Phase 1 mAb on a platform process: transfers are quicker and cheaper than the defaults. */
export const DEMO_ASSUMPTIONS = {
  externalTransferWeeks: 8,
  externalTransferCost: 200_000,
  internalTransferWeeks: 2,
  internalTransferCost: 25_000,
  vendorOverheadCost: 150_000,
  onboardingWeeks: 8,
  disruptionDelayWeeks: 26,
  costOfDelayPerWeek: 120_000,
  externalTransferFailureRate: 0.15,
  internalTransferFailureRate: 0.05,
} as const;

export type DemoQuote = { price: number; weeks: number; min?: number; max?: number; includes: string };

export type DemoBidder = {
  /** The platform CDMO's name (directory-data.ts). */
  vendor: string;
  /** The business-development person who answers RFPs there (a demo login, demo-accounts.ts). */
  email: string;
  quotes: Partial<Record<DemoStage, DemoQuote>>;
  /** The discount it offers when awarded at least minStages stages (the commercial section's bundle questions). */
  bundle?: { ratePercent: number; minStages: number };
  /** How it describes itself in the overview answer. */
  pitch: string;
};

export const DEMO_BIDDERS: DemoBidder[] = [
  {
    vendor: "Northbridge Biologics",
    email: "ravi.responder@northbridge.example",
    pitch: "One site network from cell line to released vials, one quality system and one project team.",
    bundle: { ratePercent: 5, minStages: 4 },
    quotes: {
      CLD: { price: 450_000, weeks: 14, min: 12, max: 18, includes: "CHO-K1 platform, 2 pools, RCB and stability" },
      PD: { price: 1_100_000, weeks: 20, includes: "Upstream and downstream development, 200 L engineering run" },
      DS_CLIN: { price: 3_200_000, weeks: 22, min: 20, max: 28, includes: "Two 2,000 L GMP batches and release" },
      DP_FORM: { price: 520_000, weeks: 8, includes: "Liquid formulation screen and 6-month stability" },
      FILL: { price: 760_000, weeks: 7, includes: "One aseptic fill, 10,000 vials" },
      QC: { price: 380_000, weeks: 5, includes: "Release testing and CoA" },
    },
  },
  {
    vendor: "Aldermoor Biologics",
    email: "hannah.bd@aldermoor.example",
    pitch: "Upstream specialists: fast cell lines and a clinical plant that runs our own process.",
    quotes: {
      CLD: { price: 400_000, weeks: 12, includes: "Targeted integration CHO, 3 clones to RCB" },
      PD: { price: 900_000, weeks: 15, includes: "Intensified fed-batch, 50 L scale-down model" },
      DS_CLIN: { price: 2_900_000, weeks: 20, min: 18, max: 26, includes: "Two 1,000 L batches" },
    },
  },
  {
    vendor: "Graz Biologics",
    email: "lukas.bd@graz-biologics.example",
    pitch: "Cell line development is all we do.",
    quotes: {
      CLD: { price: 280_000, weeks: 9, min: 8, max: 12, includes: "High-titre clone, RCB and genetic stability" },
    },
  },
  {
    vendor: "Incheon BioLogix",
    email: "minji.bd@incheon-biologix.example",
    pitch: "Large-scale single-use drug substance with open capacity in 2027.",
    quotes: { DS_CLIN: { price: 2_300_000, weeks: 14, min: 12, max: 20, includes: "Two 2,000 L single-use batches" } },
  },
  {
    vendor: "Paulista Biotecnologia",
    email: "ana.bd@paulista-bio.example",
    pitch: "Formulation, aseptic fill and release under one roof.",
    quotes: {
      DP_FORM: { price: 360_000, weeks: 5, includes: "High-concentration liquid formulation" },
      FILL: { price: 640_000, weeks: 6, includes: "Isolator fill, 12,000 vials" },
      QC: { price: 320_000, weeks: 4, includes: "Compendial and product-specific release" },
    },
  },
  {
    vendor: "Kestrel Fill-Finish",
    email: "owen.bd@kestrel-fill.example",
    pitch: "Aseptic fill-finish on two isolator lines.",
    quotes: { FILL: { price: 520_000, weeks: 4, includes: "One fill, 10,000 vials, 100% visual inspection" } },
  },
  {
    vendor: "Cascadia Analytics",
    email: "grace.bd@cascadia-analytics.example",
    pitch: "Independent QC release and stability testing for biologics.",
    quotes: { QC: { price: 220_000, weeks: 3, includes: "Release panel and CoA in 15 working days" } },
  },
];

/** The decision-model problem these offers make (default disruption risk per vendor). */
export function demoProblem() {
  return {
    stages: DEMO_STAGES.map((id) => ({ id })),
    vendors: DEMO_BIDDERS.map((b) => ({
      id: b.vendor,
      ...(b.bundle ? { bundleDiscount: { rate: b.bundle.ratePercent / 100, minStages: b.bundle.minStages } } : {}),
    })),
    offers: DEMO_BIDDERS.flatMap((b) =>
      DEMO_STAGES.flatMap((stageId) => {
        const q = b.quotes[stageId];
        return q ? [{ vendorId: b.vendor, stageId, price: q.price, durationWeeks: q.weeks }] : [];
      }),
    ),
    assumptions: { ...DEMO_ASSUMPTIONS },
  };
}
