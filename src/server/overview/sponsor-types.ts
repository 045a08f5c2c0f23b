// What overview.get answers a sponsor (sponsor.ts builds it; the overview page shows it).
import type { TeamCounts } from "./team";

export type OpenRfp = {
  id: string;
  title: string;
  programmeId: string;
  programmeName: string;
  dueAt: Date | null;
  timeZone: string;
  invited: number;
  submitted: number;
  declined: number;
  unansweredQuestions: number;
};
export type RfpToEvaluate = {
  id: string;
  title: string;
  programmeId: string;
  programmeName: string;
  closedAt: Date | null;
  submitted: number;
  evaluatorsSubmitted: number;
  locked: boolean;
};
export type PendingDecision = {
  id: string;
  programmeId: string;
  programmeName: string;
  proposedAt: Date;
  approvers: number;
  approved: number;
};
export type VendorAlert = {
  vendorId: string;
  vendorName: string;
  programmeId: string;
  programmeName: string;
  stage: "LONG" | "SHORT" | "SELECTED";
  recentOais: number;
  latestOaiAt: Date | null;
  openWarningLetters: number;
};
export type ProgrammeSummary = {
  id: string;
  name: string;
  molecule: string;
  phase: string;
  targetDate: Date | null;
  openRfps: number;
  nextDueAt: Date | null;
};

export type SponsorOverview = {
  kind: "SPONSOR";
  programmes: ProgrammeSummary[];
  programmeCount: number;
  openRfps: OpenRfp[];
  openRfpCount: number;
  draftRfpCount: number;
  toEvaluate: RfpToEvaluate[];
  decisions: PendingDecision[];
  alerts: VendorAlert[];
  shortlistedCount: number;
  team: TeamCounts;
};
