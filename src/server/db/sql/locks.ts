import type { TenantDb } from "../tenant";
import { fullClientOf } from "../tenant-db";

/** Serialise on `key` until the transaction ends (a PostgreSQL advisory lock). */
export async function lockForTransaction(db: TenantDb, key: string): Promise<void> {
  await fullClientOf(db).$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

// Serialising writes that read, then replace, a set of rows (a vendor's tags, its sites and the
// fields derived from them, a saved filter). Without it, two concurrent transactions both read
// the old set and both write their own change: the stored result mixes callers or loses one.
// A transaction-scoped advisory lock makes such writers of the same thing wait for each other;
// it is released at commit or rollback. Callers take it before they read what they replace.

export type LockKey =
  /** Everything this organisation writes about one vendor: its tags, sites, history and derived fields. */
  | { kind: "vendor"; orgId: string; vendorId: string }
  /** One user's saved directory filter of one name. */
  | { kind: "savedFilter"; orgId: string; userId: string; name: string }
  /** One import run: staging, committing and discarding it happen one at a time. */
  | { kind: "import"; orgId: string; importId: string }
  /** One programme's shortlist board: adding, moving and removing vendors renumber its columns. */
  | { kind: "shortlist"; orgId: string; programmeId: string };

const keyText = (k: LockKey) => {
  switch (k.kind) {
    case "vendor":
      return `vendor:${k.orgId}:${k.vendorId}`;
    case "import":
      return `import:${k.orgId}:${k.importId}`;
    case "shortlist":
      return `shortlist:${k.orgId}:${k.programmeId}`;
    case "savedFilter":
      return `saved-filter:${k.orgId}:${k.userId}:${k.name}`;
    default: {
      const unknown: never = k;
      throw new Error(`no lock key for ${JSON.stringify(unknown)}`);
    }
  }
};

/** Wait until no other open transaction holds `key`, then hold it until this one ends. */
export async function lockForWrite(db: TenantDb, key: LockKey): Promise<void> {
  await lockForTransaction(db, keyText(key));
}

/**
 * Lock one of the current organisation's RFPs (SELECT ... FOR UPDATE) until the transaction
 * ends; false when there is no such RFP. Every status change and content edit takes it before
 * reading the row, so twenty concurrent publishes run one after another and all but the first
 * find the RFP already published.
 */
export async function lockRfp(db: TenantDb, rfpId: string): Promise<boolean> {
  const rows = await fullClientOf(db).$queryRaw<{ id: string }[]>`
    SELECT id FROM "Rfp" WHERE id = ${rfpId} AND "organizationId" = current_setting('app.org_id', true) FOR UPDATE`;
  return rows.length > 0;
}
