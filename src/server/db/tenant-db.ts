import type { Prisma } from "./generated/client";

// The tenant client as a narrow type. Code handed a TenantDb sees only the tenant models'
// delegates (no `user`, `organization`, `authSession`, no `$queryRaw`/`$executeRaw`), and
// their create/createMany/upsert inputs have no `organizationId`: the scoped client adds
// it. So the compiler, not a comment, keeps a service inside its organisation. Global rows
// are read through the named helpers in globals.ts; raw SQL lives in src/server/db/sql/.

type Tx = Prisma.TransactionClient;

/** Delegate name -> the unchecked create input whose `organizationId` the client supplies. */
type TenantCreateInputs = {
  membership: Prisma.MembershipUncheckedCreateInput;
  invitation: Prisma.InvitationUncheckedCreateInput;
  auditEvent: Prisma.AuditEventUncheckedCreateInput;
  vendor: Prisma.VendorUncheckedCreateInput;
  vendorSite: Prisma.VendorSiteUncheckedCreateInput;
  inspection: Prisma.InspectionUncheckedCreateInput;
  warningLetter: Prisma.WarningLetterUncheckedCreateInput;
  recall: Prisma.RecallUncheckedCreateInput;
  vendorNote: Prisma.VendorNoteUncheckedCreateInput;
  vendorTag: Prisma.VendorTagUncheckedCreateInput;
  vendorQualityView: Prisma.VendorQualityViewUncheckedCreateInput;
  savedFilter: Prisma.SavedFilterUncheckedCreateInput;
  importRun: Prisma.ImportRunUncheckedCreateInput;
  importRow: Prisma.ImportRowUncheckedCreateInput;
  programme: Prisma.ProgrammeUncheckedCreateInput;
  rfp: Prisma.RfpUncheckedCreateInput;
  rfpChange: Prisma.RfpChangeUncheckedCreateInput;
  rfpInvitation: Prisma.RfpInvitationUncheckedCreateInput;
  rfpParticipation: Prisma.RfpParticipationUncheckedCreateInput;
  rfpResponse: Prisma.RfpResponseUncheckedCreateInput;
  bidOpening: Prisma.BidOpeningUncheckedCreateInput;
  clarification: Prisma.ClarificationUncheckedCreateInput;
  clarificationAnswer: Prisma.ClarificationAnswerUncheckedCreateInput;
  storedFile: Prisma.StoredFileUncheckedCreateInput;
  fileChunk: Prisma.FileChunkUncheckedCreateInput;
  scorecard: Prisma.ScorecardUncheckedCreateInput;
  score: Prisma.ScoreUncheckedCreateInput;
  scoreSubmission: Prisma.ScoreSubmissionUncheckedCreateInput;
  scoreOverride: Prisma.ScoreOverrideUncheckedCreateInput;
  scoreRationale: Prisma.ScoreRationaleUncheckedCreateInput;
  shortlistEntry: Prisma.ShortlistEntryUncheckedCreateInput;
  shortlistVote: Prisma.ShortlistVoteUncheckedCreateInput;
  shortlistComment: Prisma.ShortlistCommentUncheckedCreateInput;
  portfolioScenario: Prisma.PortfolioScenarioUncheckedCreateInput;
  portfolioDecision: Prisma.PortfolioDecisionUncheckedCreateInput;
  decisionSignature: Prisma.DecisionSignatureUncheckedCreateInput;
};
export type TenantDelegateName = keyof TenantCreateInputs;

/** A create input of a tenant model, without the organisation (and refusing one). */
export type TenantCreateData<K extends TenantDelegateName> = Omit<TenantCreateInputs[K], "organizationId"> & {
  organizationId?: never;
};

type Narrowed<K extends TenantDelegateName> = Omit<
  Tx[K],
  "create" | "createMany" | "createManyAndReturn" | "upsert"
> & {
  create<A extends Omit<Prisma.Args<Tx[K], "create">, "data"> & { data: TenantCreateData<K> }>(
    args: A,
  ): Promise<Prisma.Result<Tx[K], A, "create">>;
  createMany(args: {
    data: TenantCreateData<K> | TenantCreateData<K>[];
    skipDuplicates?: boolean;
  }): Promise<Prisma.BatchPayload>;
  upsert<A extends Omit<Prisma.Args<Tx[K], "upsert">, "create"> & { create: TenantCreateData<K> }>(
    args: A,
  ): Promise<Prisma.Result<Tx[K], A, "upsert">>;
};

export type TenantDb = { readonly [K in TenantDelegateName]: Narrowed<K> };

/** The list the scoped client's TENANT_MODELS must match (checked in tenant-db.test-d.ts). */
export type TenantModelName = Capitalize<TenantDelegateName>;

/** For src/server/db/ only: the full transaction client behind a TenantDb. */
export const fullClientOf = (db: TenantDb): Tx => db as unknown as Tx;

/** For src/server/db/ only: a transaction client handed to code as a TenantDb. */
export const asTenantDb = (tx: unknown): TenantDb => tx as TenantDb;
