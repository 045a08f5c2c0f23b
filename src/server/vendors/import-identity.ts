import { normalizeName } from "./import-match";

// Which existing record an imported FDA row is, so an import never writes a second copy of an
// inspection or letter that is already on record, public or private. Pure (no database).
//
// An FDA inspection is identified by the FDA's inspection id when both sides have one, else by
// its site (FEI number, or the site itself when it has none), end date and project area. A
// record entered by hand has no project area: it stands for any project area of that
// inspection, once. A warning letter is identified by its company, issue date and subject; a
// hand-entered letter of that company on that day is the same letter.

export const SOURCE_LABEL = {
  INSPECTIONS: "FDA Data Dashboard",
  WARNING_LETTERS: "FDA warning-letter listing",
} as const;

const feiKey = (f: string) => f.replace(/\D/g, "").replace(/^0+/, "");
const norm = (s: string | null | undefined) => (s ?? "").trim().replace(/\s+/g, " ").toLowerCase();
const dayKey = (d: Date | string) => (typeof d === "string" ? d : d.toISOString().slice(0, 10));

/** Where an inspection happened, as an identity: the FEI when the site has one, else the site. */
export const siteIdentity = (site: { siteId: string; feiNumber: string | null }) =>
  site.feiNumber && feiKey(site.feiNumber) ? `fei:${feiKey(site.feiNumber)}` : `site:${site.siteId}`;

export type KnownRecord = {
  id: string;
  organizationId: string;
  isPublic: boolean;
  sourceKey: string | null;
};
export type KnownInspection = KnownRecord & {
  who: string; // siteIdentity of the record's site
  endDate: Date;
  projectArea: string | null;
  fdaInspectionId: string | null;
};
export type KnownLetter = KnownRecord & {
  names: string[]; // normalised names of the letter's vendor (name and legal name)
  issuedAt: Date;
  subject: string;
};

/**
 * Candidates by identity, each used at most once per import: a second row of the file that
 * would match the same hand-entered record is a different inspection (another project area).
 * Public records come first, so a sponsor's row that is already public is reported as such
 * even when an earlier import left a private copy.
 */
class Candidates<T extends KnownRecord> {
  private readonly by = new Map<string, T[]>();
  private readonly claimed = new Set<string>();
  constructor(entries: [string, T][], ownOrgId: string) {
    for (const [k, r] of entries) this.by.set(k, [...(this.by.get(k) ?? []), r]);
    const rank = (r: T) => (r.isPublic && r.organizationId !== ownOrgId ? 0 : 1);
    for (const list of this.by.values()) list.sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1));
  }
  take(key: string, prefer: ((r: T) => boolean)[]): T | null {
    const open = (this.by.get(key) ?? []).filter((r) => !this.claimed.has(r.id));
    for (const p of prefer) {
      const hit = open.find(p);
      if (hit) {
        this.claimed.add(hit.id);
        return hit;
      }
    }
    return null;
  }
}

export class InspectionIdentities {
  private readonly c: Candidates<KnownInspection>;
  constructor(known: KnownInspection[], ownOrgId: string) {
    this.c = new Candidates(
      known.map((k) => [`${k.who}|${dayKey(k.endDate)}`, k]),
      ownOrgId,
    );
  }
  /** The existing record this row is, or null when it is new. */
  find(row: {
    who: string;
    endDate: string;
    projectArea: string | null;
    sourceKey: string;
    fdaInspectionId: string | null;
  }): KnownInspection | null {
    const area = norm(row.projectArea);
    const idsDiffer = (r: KnownInspection) =>
      !!row.fdaInspectionId && !!r.fdaInspectionId && r.fdaInspectionId !== row.fdaInspectionId;
    return this.c.take(`${row.who}|${row.endDate}`, [
      (r) => !!row.fdaInspectionId && r.fdaInspectionId === row.fdaInspectionId,
      (r) => !idsDiffer(r) && r.sourceKey === row.sourceKey,
      (r) => !idsDiffer(r) && !!area && norm(r.projectArea) === area,
      (r) => !idsDiffer(r) && !r.projectArea,
      (r) => !idsDiffer(r) && !area,
    ]);
  }
}

export class LetterIdentities {
  private readonly c: Candidates<KnownLetter>;
  constructor(known: KnownLetter[], ownOrgId: string) {
    this.c = new Candidates(
      known.flatMap((k) => [...new Set(k.names)].map((n): [string, KnownLetter] => [`${n}|${dayKey(k.issuedAt)}`, k])),
      ownOrgId,
    );
  }
  find(row: { companyName: string; issueDate: string; subject: string; sourceKey: string }): KnownLetter | null {
    return this.c.take(`${normalizeName(row.companyName)}|${row.issueDate}`, [
      (r) => r.sourceKey === row.sourceKey,
      (r) => norm(r.subject) === norm(row.subject),
      (r) => !r.sourceKey,
    ]);
  }
}
