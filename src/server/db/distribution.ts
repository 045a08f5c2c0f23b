// Where each table would live on a Citus cluster sharded by organisation (docs/scaling.md,
// section 3), and the rules Citus puts on constraints. A test reads the live catalogue
// (tests/citus-constraints.test.ts) and fails when a table is not placed here or a constraint
// appears that Citus could not keep: a new table or index is then shardable by construction.
//
// - distributed: rows spread over workers by `column`. Every primary key and unique index must
//   include it; a foreign key to another distributed table must carry it to that table's own
//   column (co-located rows); a foreign key to a reference table is fine.
// - reference: a full copy on every worker (read-mostly, shared by everyone): anything may point
//   at it; it may point only at other reference tables.
// - local: stays on the coordinator (per-user and operational rows). No distributed or reference
//   table may point at it.

export type Placement = { kind: "distributed"; column: string } | { kind: "reference" } | { kind: "local" };

const byOrg: Placement = { kind: "distributed", column: "organizationId" };
// The CDMO-owned rows of an RFP live with the sponsor's RFP, so the matrix and scoring are single-shard.
const bySponsor: Placement = { kind: "distributed", column: "sponsorOrganizationId" };
const reference: Placement = { kind: "reference" };
const local: Placement = { kind: "local" };

export const PLACEMENT: Record<string, Placement> = {
  User: reference,
  Organization: reference,
  // The public catalogue every sponsor reads (platform profiles and FDA history; private records
  // ride along, still filtered by row-level security).
  Vendor: reference,
  VendorSite: reference,
  Inspection: reference,
  WarningLetter: reference,
  Recall: reference,
  AuthSession: local,
  PasswordResetToken: local,
  EmailOutbox: local,
  SignUpRequest: local,
  RateLimit: local,
  DailyJobRun: local,
  Notification: local,
  NotificationPreference: local,
  Membership: byOrg,
  Invitation: byOrg,
  AuditEvent: byOrg,
  VendorNote: byOrg,
  VendorTag: byOrg,
  VendorQualityView: byOrg,
  SavedFilter: byOrg,
  ImportRun: byOrg,
  ImportRow: byOrg,
  Programme: byOrg,
  Rfp: byOrg,
  RfpChange: byOrg,
  RfpInvitation: byOrg,
  RfpParticipation: bySponsor,
  RfpResponse: bySponsor,
  BidOpening: byOrg,
  Clarification: bySponsor,
  ClarificationAnswer: byOrg,
  StoredFile: byOrg,
  FileChunk: byOrg,
  Scorecard: byOrg,
  Score: byOrg,
  ScoreSubmission: byOrg,
  ScoreOverride: byOrg,
  ScoreRationale: byOrg,
  ShortlistEntry: byOrg,
  ShortlistVote: byOrg,
  ShortlistComment: byOrg,
  PortfolioScenario: byOrg,
  PortfolioDecision: byOrg,
  DecisionSignature: byOrg,
};

export type TableConstraint =
  | { table: string; name: string; kind: "primary" | "unique"; columns: string[] }
  | { table: string; name: string; kind: "foreign"; columns: string[]; refTable: string; refColumns: string[] };

/** One line per table or constraint Citus could not keep under `placement`. */
export function citusProblems(
  tables: string[],
  constraints: TableConstraint[],
  placement: Record<string, Placement> = PLACEMENT,
): string[] {
  const problems = tables
    .filter((t) => !placement[t])
    .map((t) => `${t}: not placed (distributed by which column, reference or local?)`);
  for (const c of constraints) {
    const own = placement[c.table];
    if (!own) continue;
    if (c.kind !== "foreign") {
      if (own.kind === "distributed" && !c.columns.includes(own.column))
        problems.push(`${c.table}.${c.name}: ${c.kind} key (${c.columns.join(", ")}) lacks ${own.column}`);
      continue;
    }
    const target = placement[c.refTable];
    if (!target) continue;
    const fk = `${c.table}.${c.name} -> ${c.refTable}`;
    if (target.kind === "local") problems.push(`${fk}: points at a coordinator-only table`);
    else if (own.kind !== "distributed" && target.kind === "distributed")
      problems.push(`${fk}: a ${own.kind} table cannot point at a distributed one`);
    else if (own.kind === "distributed" && target.kind === "distributed") {
      const at = c.columns.indexOf(own.column);
      if (at < 0 || c.refColumns[at] !== target.column)
        problems.push(`${fk}: does not carry ${own.column} to ${c.refTable}.${target.column}`);
    }
  }
  return problems.sort();
}
