import type { Programme } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import { effectiveStatus, RFP_STATUSES, type RfpStatus } from "../rfps/lifecycle";
import { findProgramme, readAssumptions, type ProgrammeOrg } from "./programmes";

// Reading programmes: the list with each programme's RFPs summarised, and one programme as
// its home page shows it. RFP statuses are the effective ones (a published RFP past its due
// date reads as closed), so the list agrees with the clock even before the closing job ran.

export type StatusCounts = Record<RfpStatus, number>;

function programmeShape(p: Programme) {
  return {
    id: p.id,
    name: p.name,
    molecule: p.molecule,
    modality: p.modality,
    phase: p.phase,
    stages: p.stages,
    description: p.description,
    startDate: p.startDate,
    targetDate: p.targetDate,
    budget: p.budget,
    currency: p.currency,
    costOfDelayPerWeek: p.costOfDelayPerWeek,
    assumptions: readAssumptions(p.assumptions),
    version: p.version,
    archivedAt: p.archivedAt,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}
export type ProgrammeShape = ReturnType<typeof programmeShape>;

const emptyCounts = (): StatusCounts => Object.fromEntries(RFP_STATUSES.map((s) => [s, 0])) as unknown as StatusCounts;

export async function listProgrammes(
  db: TenantDb,
  org: ProgrammeOrg,
  input: { archived: boolean },
  now: Date = new Date(),
) {
  const programmes = await db.programme.findMany({
    where: { organizationId: org.id, archivedAt: input.archived ? { not: null } : null },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
  const rfps = programmes.length
    ? await db.rfp.findMany({
        where: { organizationId: org.id, programmeId: { in: programmes.map((p) => p.id) } },
        select: { programmeId: true, status: true, dueAt: true },
      })
    : [];
  const summary = new Map(programmes.map((p) => [p.id, { counts: emptyCounts(), nextDueAt: null as Date | null }]));
  for (const r of rfps) {
    const s = summary.get(r.programmeId)!;
    const status = effectiveStatus(r, now);
    s.counts[status]++;
    if (status === "PUBLISHED" && r.dueAt && (!s.nextDueAt || r.dueAt < s.nextDueAt)) s.nextDueAt = r.dueAt;
  }
  // Archived programmes are counted so the list can offer them even when none is active.
  const archivedCount = input.archived
    ? programmes.length
    : await db.programme.count({ where: { organizationId: org.id, archivedAt: { not: null } } });
  return {
    archivedCount,
    items: programmes.map((p) => {
      const s = summary.get(p.id)!;
      return {
        id: p.id,
        name: p.name,
        molecule: p.molecule,
        modality: p.modality,
        phase: p.phase,
        stages: p.stages,
        targetDate: p.targetDate,
        budget: p.budget,
        currency: p.currency,
        archivedAt: p.archivedAt,
        updatedAt: p.updatedAt,
        rfpCount: Object.values(s.counts).reduce((a, b) => a + b, 0),
        statusCounts: s.counts,
        nextDueAt: s.nextDueAt,
      };
    }),
  };
}

export async function getProgramme(db: TenantDb, org: ProgrammeOrg, programmeId: string) {
  return programmeShape(await findProgramme(db, org, programmeId));
}
