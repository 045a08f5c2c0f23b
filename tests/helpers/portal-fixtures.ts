import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/tenant";
import { sendPendingInvitations } from "@/server/rfps/invitations";
import type { RfpContent } from "@/server/rfps/content";

// RFPs written straight into a sponsor's tables (the builder's procedures are not needed to
// test who may see them). `publishTestRfp` does what publishing does for invitations: it sends
// the waiting ones in the same transaction.

export const TEST_CONTENT: RfpContent = {
  sections: [
    {
      id: "general",
      title: "General",
      questions: [
        { id: "q-exp", kind: "text", prompt: "Describe your experience with mAbs.", required: true },
        { id: "q-fill", kind: "price", prompt: "Price for aseptic fill-finish", required: true, stage: "FILL" },
      ],
    },
  ],
};

const DAY = 24 * 60 * 60 * 1000;

export async function makeTestRfp(
  sponsorOrgId: string,
  opts: { title?: string; status?: "DRAFT" | "PUBLISHED"; dueAt?: Date; timeZone?: string } = {},
): Promise<{ id: string; title: string }> {
  const title = opts.title ?? "Fill-finish for HX-101";
  const rfp = await withTenant(await getDb(), { orgId: sponsorOrgId }, async (db) => {
    const programme = await db.programme.create({
      data: {
        name: "HX-101",
        molecule: "HX-101",
        modality: "MAB",
        phase: "PHASE_1",
        stages: ["FILL"],
        assumptions: {},
      },
    });
    return db.rfp.create({
      data: {
        programmeId: programme.id,
        title,
        stages: ["FILL"],
        content: TEST_CONTENT,
        weights: {},
        dueAt: opts.dueAt ?? new Date(Date.now() + 14 * DAY),
        timeZone: opts.timeZone ?? "Europe/Berlin",
      },
    });
  });
  if (opts.status === "PUBLISHED") await publishTestRfp(sponsorOrgId, rfp.id);
  return { id: rfp.id, title };
}

export async function publishTestRfp(sponsorOrgId: string, rfpId: string): Promise<{ sent: number }> {
  return withTenant(await getDb(), { orgId: sponsorOrgId }, async (db) => {
    const rfp = await db.rfp.update({ where: { id: rfpId }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    return sendPendingInvitations(db, rfp);
  });
}

/** Move an RFP's due date (into the past, to close it by the clock). */
export async function setTestRfpDue(sponsorOrgId: string, rfpId: string, dueAt: Date): Promise<void> {
  await withTenant(await getDb(), { orgId: sponsorOrgId }, (db) =>
    db.rfp.update({ where: { id: rfpId }, data: { dueAt } }),
  );
}
