import type { TenantDb } from "../db/tenant";
import { sponsorMaySeeResponses } from "../rfps/sealing";
import { PAGE_SIZE, type Row } from "./tables";

// The responses a sponsor received: rows the CDMOs own, which the sponsor reads once submitted.
// They belong in the sponsor's export because its evaluation and decision rest on them, but the
// sealed-bid rule goes with them: a round whose seal has not opened goes out as the fact that a
// response arrived and when (what the sponsor sees on screen), never its answers. The rule is
// the one sealing.ts decides for every other path; nothing here restates it.

export const RECEIVED_FILE = "responses-received";

/** Whether each (RFP, round) is open to the sponsor, asked once per pair for the whole export. */
export type SealMemo = Map<string, Promise<boolean>>;

export async function readReceivedPage(
  db: TenantDb,
  orgId: string,
  after: string | null,
  seals: SealMemo,
  now: Date,
): Promise<Row[]> {
  const rows = await db.rfpResponse.findMany({
    where: { sponsorOrganizationId: orgId, submittedAt: { not: null }, ...(after ? { id: { gt: after } } : {}) },
    orderBy: { id: "asc" },
    take: PAGE_SIZE,
    select: {
      id: true,
      organizationId: true,
      rfpId: true,
      round: true,
      submittedAt: true,
      receiptHash: true,
      answers: true,
    },
  });
  const out: Row[] = [];
  for (const r of rows) {
    const key = `${r.rfpId}:${r.round}`;
    let open = seals.get(key);
    if (!open) seals.set(key, (open = sponsorMaySeeResponses(db, orgId, r.rfpId, r.round, now)));
    const visible = await open;
    out.push({
      id: r.id,
      vendorOrganizationId: r.organizationId,
      rfpId: r.rfpId,
      round: r.round,
      submittedAt: r.submittedAt,
      receiptHash: r.receiptHash,
      sealed: !visible,
      answers: visible ? r.answers : null,
    });
  }
  return out;
}
