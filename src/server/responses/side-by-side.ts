import type { TenantDb } from "../db/tenant";
import { titleSlug } from "@/lib/file-name";
import { AppError } from "../errors/app-error";
import { ZRfpContent, type RfpContent } from "../rfps/content";
import { effectiveStatus, type RfpStatus } from "../rfps/lifecycle";
import { buildMatrix, type Matrix } from "../rfps/matrix";
import { matrixToCsv } from "../rfps/matrix-csv";
import { pickRound, roundSealFrom, sealedMessage, type RoundSeal } from "../rfps/sealing";
import { queryMatrixResponses, queryMatrixRfp } from "../db/sql/side-by-side";
import { cachedMatrix, matrixKey } from "./matrix-cache";

// The sponsor's side-by-side view of the responses submitted in one round of its RFP, and the
// exports made from the very same data. The seal is checked first: while a round is sealed the
// answers are not even read from the database, and the view says how many responses arrived and
// when. An export of a sealed round is refused, never produced with blanks.

export type ResponseColumn = { key: string; name: string; submittedAt: Date; round: number };

export type SideBySide = {
  rfp: {
    id: string;
    title: string;
    status: RfpStatus;
    round: number;
    dueAt: Date | null;
    timeZone: string;
    sealed: boolean;
    committeeOpening: boolean;
  };
  /** The round shown, and every round the RFP has had (1..rfp.round). */
  round: number;
  rounds: number[];
  seal: Omit<RoundSeal, "openings"> & { message: string; openings: number };
  /** Always known: how many responses this round received, and when. */
  submissions: { count: number; times: Date[] };
  /** Null while the round is sealed. */
  columns: ResponseColumn[] | null;
  matrix: Matrix | null;
};

export async function sideBySide(
  db: TenantDb,
  orgId: string,
  input: { rfpId: string; round?: number },
  now = new Date(),
): Promise<SideBySide> {
  const rfp = await queryMatrixRfp(db, orgId, input.rfpId);
  if (!rfp) throw new AppError("NOT_FOUND", "The RFP was not found.");
  const round = pickRound(rfp, input.round);
  const openings = rfp.sealed && rfp.committeeOpening ? rfp.openings.filter((o) => o.round === round) : [];
  const seal = roundSealFrom(
    rfp,
    round,
    openings.map((o) => ({ userId: o.userId, at: new Date(o.at) })),
    now,
  );
  const visible = seal.state.visible;
  const base = { rfpId: rfp.id, sponsorOrganizationId: orgId, round, submittedAt: { not: null } } as const;
  const { openings: opened, ...sealRest } = seal;
  const head = {
    rfp: {
      id: rfp.id,
      title: rfp.title,
      status: effectiveStatus(rfp, now),
      round: rfp.round,
      dueAt: rfp.dueAt,
      timeZone: rfp.timeZone,
      sealed: rfp.sealed,
      committeeOpening: rfp.committeeOpening,
    },
    round,
    rounds: Array.from({ length: rfp.round }, (_, i) => i + 1),
    seal: { ...sealRest, message: sealedMessage(seal, rfp.timeZone), openings: opened.length },
  };
  if (!visible) {
    // Only the submission times are read: no answers, no names.
    const times = await db.rfpResponse.findMany({
      where: base,
      select: { submittedAt: true },
      orderBy: { submittedAt: "asc" },
    });
    return {
      ...head,
      submissions: { count: times.length, times: times.map((t) => t.submittedAt!) },
      columns: null,
      matrix: null,
    };
  }
  const responses = await queryMatrixResponses(db, orgId, rfp.id, round);
  const columns = responses.map((r) => ({
    key: r.id,
    name: r.name ?? "An invited CDMO",
    submittedAt: r.submittedAt,
    round: r.round,
  }));
  const key = matrixKey({
    rfpId: rfp.id,
    rfpVersion: rfp.version,
    currency: rfp.currency,
    round,
    responses: responses.map((r, i) => ({ id: r.id, version: r.version, name: columns[i]!.name })),
  });
  const matrix = cachedMatrix(key, () =>
    buildMatrix(
      contentOf(rfp.content),
      responses.map((r, i) => ({
        vendorKey: r.id,
        vendorName: columns[i]!.name,
        answers: (r.answers ?? {}) as Record<string, unknown>,
      })),
      { currency: rfp.currency },
    ),
  );
  return {
    ...head,
    submissions: { count: responses.length, times: responses.map((r) => r.submittedAt) },
    columns,
    matrix,
  };
}

function contentOf(raw: unknown): RfpContent {
  const parsed = ZRfpContent.safeParse(raw);
  // A stored document that no longer parses still has sections to show; fall back to none.
  return parsed.success ? parsed.data : { sections: [] };
}

/** The round's matrix for an export, or PRECONDITION_FAILED while it is sealed. */
export async function exportableMatrix(
  db: TenantDb,
  orgId: string,
  input: { rfpId: string; round?: number },
  now = new Date(),
): Promise<SideBySide & { matrix: Matrix; columns: ResponseColumn[] }> {
  const view = await sideBySide(db, orgId, input, now);
  if (!view.matrix || !view.columns)
    throw new AppError("PRECONDITION_FAILED", view.seal.message || "The bids are sealed.");
  return view as SideBySide & { matrix: Matrix; columns: ResponseColumn[] };
}

/** "hlx-101-drug-substance-responses-round-2" — a file name from the RFP's title. */
export function exportName(title: string, round: number): string {
  return `${titleSlug(title)}-responses-round-${round}`;
}

export async function exportCsv(
  db: TenantDb,
  orgId: string,
  input: { rfpId: string; round?: number },
  now = new Date(),
) {
  const view = await exportableMatrix(db, orgId, input, now);
  return {
    fileName: `${exportName(view.rfp.title, view.round)}.csv`,
    csv: matrixToCsv(view.matrix),
    rows: view.columns.length,
  };
}

export async function exportXlsx(
  db: TenantDb,
  orgId: string,
  input: { rfpId: string; round?: number },
  now = new Date(),
) {
  const view = await exportableMatrix(db, orgId, input, now);
  const { matrixToXlsx } = await import("./matrix-xlsx");
  const buf = await matrixToXlsx(view.matrix, { title: view.rfp.title, round: view.round, exportedAt: now });
  return {
    fileName: `${exportName(view.rfp.title, view.round)}.xlsx`,
    base64: buf.toString("base64"),
    rows: view.columns.length,
  };
}
