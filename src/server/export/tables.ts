import type { OrgKind } from "../api/roles";
import type { TenantDb } from "../db/tenant";
import type { TenantDelegateName } from "../db/tenant-db";

// What an organisation's export holds, table by table. Every read names the organisation's own
// id on top of the tenant client's scoping: the client also admits rows another organisation
// shares (public CDMO profiles, RFPs one is invited to, responses one received), and an export
// is only what the organisation owns. Responses a sponsor received are their own file
// (received.ts), because the sealed-bid rule decides what of them may go out.
//
// Left out on purpose: secrets (invitation token hashes; password hashes and sessions live in
// global tables that are never read here), FileChunk rows (the bytes go out as files/...), and
// derived search columns.

export type Row = Record<string, unknown>;
export type ExportFormat = "csv" | "json";

export type TableSpec = {
  /** The file name in the ZIP, without its extension. */
  file: string;
  model: TenantDelegateName;
  /** CSV for flat rows a spreadsheet opens; JSON where a column is a document (answers, criteria, changes). */
  format: ExportFormat;
  /** Only organisations of this kind can own rows of it (the other kind's export leaves the file out). */
  kind?: OrgKind;
  /** Columns never exported (secrets, derived search text). */
  omit?: Record<string, true>;
  include?: object;
  map?: (row: Row) => Row;
};

export const TABLES: readonly TableSpec[] = [
  {
    file: "members",
    model: "membership",
    format: "csv",
    include: { user: { select: { name: true, email: true } } },
    map: ({ user, ...m }) => {
      const u = user as { name: string; email: string };
      return { id: m.id, userId: m.userId, name: u.name, email: u.email, role: m.role, joinedAt: m.createdAt };
    },
  },
  { file: "invitations", model: "invitation", format: "csv", omit: { tokenHash: true } },
  { file: "audit-log", model: "auditEvent", format: "json" },
  { file: "vendors", model: "vendor", format: "json", omit: { searchText: true } },
  { file: "vendor-sites", model: "vendorSite", format: "csv" },
  { file: "inspections", model: "inspection", format: "csv" },
  { file: "warning-letters", model: "warningLetter", format: "csv" },
  { file: "recalls", model: "recall", format: "csv" },
  { file: "vendor-notes", model: "vendorNote", format: "csv", kind: "SPONSOR" },
  { file: "vendor-tags", model: "vendorTag", format: "csv", kind: "SPONSOR" },
  { file: "vendor-quality-views", model: "vendorQualityView", format: "csv", kind: "SPONSOR" },
  { file: "saved-filters", model: "savedFilter", format: "json", kind: "SPONSOR" },
  { file: "imports", model: "importRun", format: "json", kind: "SPONSOR" },
  { file: "import-rows", model: "importRow", format: "json", kind: "SPONSOR" },
  { file: "programmes", model: "programme", format: "json", kind: "SPONSOR" },
  { file: "rfps", model: "rfp", format: "json", kind: "SPONSOR" },
  { file: "rfp-changes", model: "rfpChange", format: "csv", kind: "SPONSOR" },
  { file: "rfp-invitations", model: "rfpInvitation", format: "csv", kind: "SPONSOR", omit: { tokenHash: true } },
  { file: "bid-openings", model: "bidOpening", format: "csv", kind: "SPONSOR" },
  { file: "clarification-answers", model: "clarificationAnswer", format: "csv", kind: "SPONSOR" },
  { file: "scorecards", model: "scorecard", format: "json", kind: "SPONSOR" },
  { file: "scores", model: "score", format: "csv", kind: "SPONSOR" },
  { file: "score-submissions", model: "scoreSubmission", format: "csv", kind: "SPONSOR" },
  { file: "score-overrides", model: "scoreOverride", format: "csv", kind: "SPONSOR" },
  { file: "score-rationales", model: "scoreRationale", format: "csv", kind: "SPONSOR" },
  { file: "shortlist-entries", model: "shortlistEntry", format: "csv", kind: "SPONSOR" },
  { file: "shortlist-votes", model: "shortlistVote", format: "csv", kind: "SPONSOR" },
  { file: "shortlist-comments", model: "shortlistComment", format: "csv", kind: "SPONSOR" },
  { file: "portfolio-scenarios", model: "portfolioScenario", format: "json", kind: "SPONSOR" },
  { file: "portfolio-decisions", model: "portfolioDecision", format: "json", kind: "SPONSOR" },
  { file: "decision-signatures", model: "decisionSignature", format: "csv", kind: "SPONSOR" },
  { file: "rfp-participations", model: "rfpParticipation", format: "csv", kind: "CDMO" },
  { file: "responses", model: "rfpResponse", format: "json", kind: "CDMO" },
  { file: "clarifications", model: "clarification", format: "csv", kind: "CDMO" },
  { file: "files", model: "storedFile", format: "csv" },
];

export const tablesFor = (kind: OrgKind) => TABLES.filter((t) => !t.kind || t.kind === kind);

/** Rows per read: each page is one short transaction, so a slow download never holds one open. */
export const PAGE_SIZE = 500;

type PagedDelegate = { findMany(args: object): Promise<Row[]> };

/** One page of the organisation's own rows of `spec`, in id order after `after`. */
export async function readPage(db: TenantDb, orgId: string, spec: TableSpec, after: string | null): Promise<Row[]> {
  const delegate = db[spec.model] as unknown as PagedDelegate;
  const rows = await delegate.findMany({
    where: { organizationId: orgId, ...(after ? { id: { gt: after } } : {}) },
    orderBy: { id: "asc" },
    take: PAGE_SIZE,
    ...(spec.omit ? { omit: spec.omit } : {}),
    ...(spec.include ? { include: spec.include } : {}),
  });
  return spec.map ? rows.map(spec.map) : rows;
}
