import type { PrismaClient } from "../db/generated/client";
import { withPublicRecords, withTenant, PUBLIC_READER } from "../db/tenant";
import { lockForWrite } from "../db/sql/locks";
import { recordAudit } from "../audit/record-audit";
import { assertCan } from "../auth/assert-can";
import { AppError } from "../errors/app-error";
import type { VendorOrg } from "./context";
import { auditQuality } from "./history";
import { formatIssue, parseInspectionRow, parseLetterRow, type ImportKindCode, type RowIssue } from "./import-csv";
import { SOURCE_LABEL } from "./import-identity";
import { planRows, vendorCounts, type StoredRow, type Unmatched } from "./import-plan";
import { writePlan } from "./import-write";
import { refreshQuality, todayIso } from "./quality";
import { refreshStaleViewsEverywhere } from "./quality-aging";

// The operator's load of public FDA data (`cdmo import-fda`, and the fda.load job when a file
// or URL is configured): FDA records are public facts, loaded once for everyone. The file is
// matched against the platform profiles as no organisation (withPublicRecords); each CDMO's
// rows are then planned again and written in that CDMO's own transaction, as public records on
// its profile with their source ("FDA Data Dashboard, 2026-11-30"). A record already there
// (loaded before, or declared by the CDMO by hand) is updated or left as is, never copied, so
// loading the same file again changes nothing. Each CDMO's share commits on its own; a load
// that stops half-way is finished by running it again. Sponsors' cached views of the changed
// vendors are recomputed at the end, each in the sponsor's own transaction.

export type FdaLoadInput = {
  kind: ImportKindCode;
  fileName: string;
  rows: { line: number; data: Record<string, string> }[];
  /** The day of the export or listing the file was taken from (YYYY-MM-DD). */
  sourceDate: string;
  dryRun?: boolean;
};

export type FdaLoadResult = {
  kind: ImportKindCode;
  file: string;
  source: string;
  rows: number;
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  unmatched: number;
  unmatchedRows: Unmatched[];
  vendors: { id: string; name: string; created: number; updated: number }[];
  sponsorViews: number;
};

export class FdaFileError extends AppError {
  constructor(readonly errors: RowIssue[]) {
    const first = [...errors].sort((a, b) => a.line - b.line)[0]!;
    super(
      "BAD_REQUEST",
      `${formatIssue(first)} (${errors.length} error${errors.length === 1 ? "" : "s"} in the file; nothing was loaded)`,
      { field: "file" },
    );
  }
}

const LIST_CAP = 1000;

export async function loadPublicFda(base: PrismaClient, input: FdaLoadInput): Promise<FdaLoadResult> {
  const today = todayIso();
  const parse = input.kind === "INSPECTIONS" ? parseInspectionRow : parseLetterRow;
  const rows = input.rows.map(({ line, data }) => {
    const p = parse(line, data, today);
    return { line, stored: (p.ok ? { r: p.record } : { e: p.errors }) as StoredRow };
  });
  const errors = rows.flatMap((r) => ("e" in r.stored ? r.stored.e : []));
  if (errors.length) throw new FdaFileError(errors);

  // Which platform profile, and so which CDMO, each row belongs to.
  const reader: VendorOrg = { id: PUBLIC_READER, kind: "CDMO", role: "OPERATOR" };
  const { owners, unmatched } = await withPublicRecords(base, async (db) => {
    const plan = await planRows(db, reader, { kind: input.kind, mode: "private", rows });
    const lineVendor = new Map([...plan.creates, ...plan.alreadyPublic].map((m) => [m.line, m.vendorId]));
    const vendors = await db.vendor.findMany({
      where: { id: { in: [...new Set(lineVendor.values())] } },
      select: { id: true, organizationId: true },
    });
    const orgOf = new Map(vendors.map((v) => [v.id, v.organizationId]));
    const owners = new Map<string, typeof rows>();
    for (const r of rows) {
      const vendorId = lineVendor.get(r.line);
      if (!vendorId) continue;
      const orgId = orgOf.get(vendorId)!;
      const list = owners.get(orgId);
      if (list) list.push(r);
      else owners.set(orgId, [r]);
    }
    return { owners, unmatched: plan.unmatched };
  });

  const source = SOURCE_LABEL[input.kind];
  const sourceDate = new Date(`${input.sourceDate}T00:00:00Z`);
  const result: FdaLoadResult = {
    kind: input.kind,
    file: input.fileName,
    source: `${source}, ${input.sourceDate}`,
    rows: input.rows.length,
    dryRun: !!input.dryRun,
    created: 0,
    updated: 0,
    unchanged: 0,
    unmatched: unmatched.length,
    unmatchedRows: unmatched.slice(0, LIST_CAP),
    vendors: [],
    sponsorViews: 0,
  };
  let changed = false;
  for (const orgId of [...owners.keys()].sort()) {
    const org: VendorOrg = { id: orgId, kind: "CDMO", role: "OPERATOR" };
    assertCan(org, "fda.load");
    await withTenant(base, { orgId }, async (db) => {
      // Serialises with the CDMO's own history edits and with another load of the same profile.
      const profile = await db.vendor.findFirst({ where: { organizationId: orgId, kind: "PLATFORM" } });
      if (profile) await lockForWrite(db, { kind: "vendor", orgId, vendorId: profile.id });
      const plan = await planRows(db, org, { kind: input.kind, mode: "public", rows: owners.get(orgId)! });
      result.created += plan.creates.length;
      result.updated += plan.updates.length;
      result.unchanged += plan.unchanged + plan.alreadyPublic.length;
      result.unmatched += plan.unmatched.length;
      result.unmatchedRows.push(...plan.unmatched.slice(0, LIST_CAP - result.unmatchedRows.length));
      result.vendors.push(
        ...vendorCounts(plan).map(({ id, name, created, updated }) => ({ id, name, created, updated })),
      );
      if (input.dryRun || (!plan.creates.length && !plan.updates.length)) return;
      changed = true;
      const touched = await writePlan(db, plan, { isPublic: true, sourceDate });
      const quality = await refreshQuality(db, org, touched, today, { queueViews: false });
      await recordAudit(db, {
        actor: null,
        action: "fda.loaded",
        entityType: "Vendor",
        entityId: touched[0]!,
        reason: `Public FDA records loaded by the operator from ${input.fileName} (${source}, ${input.sourceDate})`,
        changes: {
          kind: { old: null, new: input.kind },
          fileName: { old: null, new: input.fileName },
          created: { old: null, new: plan.creates.length },
          updated: { old: null, new: plan.updates.length },
        },
      });
      await auditQuality(db, null, quality, `FDA load of ${input.fileName}`);
    });
  }
  result.vendors.sort((a, b) => a.name.localeCompare(b.name));
  // Sponsors holding records of their own on these vendors see the new public records now.
  if (changed) result.sponsorViews = await refreshStaleViewsEverywhere(base);
  return result;
}
