import type { TenantDb } from "../db/tenant";
import type { OrgAccess } from "../auth/permissions";
import { notFound } from "../errors/app-error";
import { findProgramme } from "../programmes/programmes";
import { SHORTLIST_STAGES, type ShortlistStage } from "./schemas";

// A programme's shortlist board as the page shows it: three columns in their order, each card
// with its vendor, the team's votes and how many comments it has. Every query here is already
// scoped to the organisation (tenant client and RLS); vendors are read through the same client,
// so a card only ever shows a vendor the sponsor may read (its own record or a platform profile).

export type ShortlistOrg = OrgAccess & { id: string; slug: string };

export type BoardCard = {
  id: string;
  version: number;
  stage: ShortlistStage;
  position: number;
  addedAt: Date;
  vendor: {
    id: string;
    name: string;
    kind: "PLATFORM" | "PRIVATE";
    qualityScore: number | null;
    hasOpenWarningLetter: boolean;
    stages: string[];
    hqCountry: string | null;
    archived: boolean;
  };
  votes: { up: number; down: number; mine: -1 | 0 | 1 };
  commentCount: number;
};

/** A card of this organisation (its programme comes with it), or NOT_FOUND. */
export async function findEntry(db: TenantDb, org: { id: string }, entryId: string) {
  const e = await db.shortlistEntry.findFirst({ where: { id: entryId, organizationId: org.id } });
  if (!e) throw notFound("The shortlisted vendor");
  return { ...e, vendorName: await vendorName(db, e.vendorId) };
}

/** A vendor's name as the sponsor reads it ("A vendor" if it is no longer readable). */
export async function vendorName(db: TenantDb, vendorId: string): Promise<string> {
  const v = await db.vendor.findFirst({ where: { id: vendorId }, select: { name: true } });
  return v?.name ?? "A vendor";
}

/** Entries of one column in board order (position, then the older first). */
export function columnEntries(db: TenantDb, programmeId: string, stage: ShortlistStage) {
  return db.shortlistEntry.findMany({
    where: { programmeId, stage },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true, position: true },
  });
}

export async function getBoard(db: TenantDb, org: ShortlistOrg, userId: string, programmeId: string) {
  const programme = await findProgramme(db, org, programmeId);
  const entries = await db.shortlistEntry.findMany({
    where: { programmeId: programme.id },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  const ids = entries.map((e) => e.id);
  const vendorIds = entries.map((e) => e.vendorId);
  // Read apart from the entries: a platform profile its CDMO has since unpublished is simply not
  // read (row-level security), and its card is left out rather than failing the whole board.
  const [vendors, votes, comments, views] = ids.length
    ? await Promise.all([
        db.vendor.findMany({
          where: { id: { in: vendorIds } },
          select: {
            id: true,
            name: true,
            kind: true,
            qualityScore: true,
            hasOpenWarningLetter: true,
            stages: true,
            hqCountry: true,
            archivedAt: true,
          },
        }),
        db.shortlistVote.findMany({
          where: { entryId: { in: ids } },
          select: { entryId: true, userId: true, value: true },
        }),
        db.shortlistComment.groupBy({ by: ["entryId"], where: { entryId: { in: ids } }, _count: { _all: true } }),
        // The sponsor's own view of a platform vendor's quality (its imported history counted), as the directory shows it.
        db.vendorQualityView.findMany({
          where: { vendorId: { in: vendorIds } },
          select: { vendorId: true, qualityScore: true, hasOpenWarningLetter: true },
        }),
      ])
    : [[], [], [], []];
  const vendorOf = new Map(vendors.map((v) => [v.id, v]));
  const viewOf = new Map(views.map((v) => [v.vendorId, v]));
  const countOf = new Map(comments.map((c) => [c.entryId, c._count._all]));
  const cards: BoardCard[] = entries.flatMap((e) => {
    const vendor = vendorOf.get(e.vendorId);
    if (!vendor) return [];
    const mine = votes.find((v) => v.entryId === e.id && v.userId === userId)?.value ?? 0;
    const own = votes.filter((v) => v.entryId === e.id);
    const view = viewOf.get(e.vendorId);
    const card: BoardCard = {
      id: e.id,
      version: e.version,
      stage: e.stage,
      position: e.position,
      addedAt: e.createdAt,
      vendor: {
        id: vendor.id,
        name: vendor.name,
        kind: vendor.kind,
        qualityScore: view ? view.qualityScore : vendor.qualityScore,
        hasOpenWarningLetter: view ? view.hasOpenWarningLetter : vendor.hasOpenWarningLetter,
        stages: vendor.stages,
        hqCountry: vendor.hqCountry,
        archived: !!vendor.archivedAt,
      },
      votes: {
        up: own.filter((v) => v.value > 0).length,
        down: own.filter((v) => v.value < 0).length,
        mine: (Math.sign(mine) as -1 | 0 | 1) || 0,
      },
      commentCount: countOf.get(e.id) ?? 0,
    };
    return [card];
  });
  return {
    programme: {
      id: programme.id,
      name: programme.name,
      stages: programme.stages,
      archived: !!programme.archivedAt,
    },
    columns: SHORTLIST_STAGES.map((s) => ({
      stage: s.code,
      label: s.label,
      cards: cards.filter((c) => c.stage === s.code),
    })),
  };
}
export type ShortlistBoard = Awaited<ReturnType<typeof getBoard>>;
