import type { TenantDb } from "../db/tenant";
import type { InspectionData, LetterData, Plan } from "./import-plan";

// Writes a plan (import-plan.ts) in the caller's transaction: creates, then updates. Returns
// the vendors whose history changed (both vendors when an update moves a row), for the
// quality recomputation that follows in the same transaction.

export async function writePlan(
  db: TenantDb,
  plan: Plan,
  opts: { isPublic: boolean; sourceDate: Date },
): Promise<string[]> {
  const base = { isPublic: opts.isPublic, sourceDate: opts.sourceDate };
  for (let i = 0; i < plan.creates.length; i += 1000) {
    const chunk = plan.creates.slice(i, i + 1000);
    // skipDuplicates: two loads racing on the same file insert each record once (the
    // organisation + source key is unique); the loser's rows are simply already there.
    if (plan.kind === "INSPECTIONS") {
      await db.inspection.createMany({
        data: chunk.map((c) => ({ ...base, agency: "FDA", sourceKey: c.sourceKey, ...(c.data as InspectionData) })),
        skipDuplicates: true,
      });
    } else {
      await db.warningLetter.createMany({
        data: chunk.map((c) => ({ ...base, sourceKey: c.sourceKey, ...(c.data as LetterData) })),
        skipDuplicates: true,
      });
    }
  }
  const touched = new Set<string>([...plan.creates, ...plan.updates].map((c) => c.vendorId));
  for (const u of plan.updates) {
    const data = { sourceKey: u.sourceKey, sourceDate: opts.sourceDate };
    if (plan.kind === "INSPECTIONS")
      await db.inspection.update({ where: { id: u.existingId! }, data: { ...data, ...(u.data as InspectionData) } });
    else await db.warningLetter.update({ where: { id: u.existingId! }, data: { ...data, ...(u.data as LetterData) } });
    if (u.oldVendorId) touched.add(u.oldVendorId);
  }
  return [...touched];
}
