import { getDb } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { withTenant } from "@/server/db/tenant";
import { findTemplate } from "@/server/rfps/templates";
import type { RfpContent } from "@/server/rfps/content";

// Rows an RFP round-trip leaves behind, written straight through the tenant client of each side
// (the sponsor's programme, RFP and invitations; each CDMO's participation and responses), so
// tests of reading, sealing and clarifying do not depend on the builder and portal flows. The
// row-level security policies still apply: a CDMO can only write a participation for an
// invitation it can see.

export const MAB = findTemplate("mab-ds-dp")!;
export const MAB_CONTENT: RfpContent = MAB.content;

export type RfpFixtureOptions = {
  sponsorId: string;
  cdmos: { id: string; name: string }[];
  dueAt: Date | null;
  status?: "DRAFT" | "PUBLISHED" | "CLOSED" | "AWARDED" | "CANCELLED";
  sealed?: boolean;
  committeeOpening?: boolean;
  round?: number;
  title?: string;
};

export type RfpFixture = { programmeId: string; rfpId: string; invitations: Map<string, string> };

export async function makeRfp(o: RfpFixtureOptions): Promise<RfpFixture> {
  const db = await getDb();
  return withTenant(db, { orgId: o.sponsorId }, async (tx) => {
    const programme = await tx.programme.create({
      data: {
        name: "HLX-101 mAb",
        molecule: "HLX-101",
        modality: "MAB",
        phase: "PHASE_1",
        stages: MAB.stages,
        assumptions: {},
      },
    });
    const rfp = await tx.rfp.create({
      data: {
        programmeId: programme.id,
        title: o.title ?? "HLX-101 drug substance and product",
        stages: MAB.stages,
        status: o.status ?? "PUBLISHED",
        content: MAB_CONTENT as unknown as Prisma.InputJsonValue,
        weights: MAB.weights,
        dueAt: o.dueAt,
        sealed: o.sealed ?? false,
        committeeOpening: o.committeeOpening ?? false,
        round: o.round ?? 1,
        publishedAt: o.status === "DRAFT" ? null : new Date(Date.now() - 86_400_000 * 14),
      },
    });
    const invitations = new Map<string, string>();
    for (const c of o.cdmos) {
      const inv = await tx.rfpInvitation.create({
        data: {
          rfpId: rfp.id,
          vendorOrganizationId: c.id,
          displayName: c.name,
          sentAt: o.status === "DRAFT" ? null : new Date(),
        },
      });
      invitations.set(c.id, inv.id);
    }
    return { programmeId: programme.id, rfpId: rfp.id, invitations };
  });
}

/** Price answers for every price line of the mAb template: `base` scaled per stage. */
export function priceAnswers(base: number, weeks = 10): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  MAB.stages.forEach((stage, i) => {
    out[`price-${stage.toLowerCase().replace(/_/g, "-")}`] = {
      price: base * (i + 1),
      durationWeeks: weeks + i,
      includes: `Stage ${stage} as quoted`,
    };
  });
  return out;
}

/** A CDMO's submitted response to `rfpId` in `round` (creating its participation the first time). */
export async function submitResponse(o: {
  cdmoId: string;
  sponsorId: string;
  rfp: RfpFixture;
  round?: number;
  answers: Record<string, unknown>;
  submittedAt?: Date;
}): Promise<string> {
  const db = await getDb();
  const invitationId = o.rfp.invitations.get(o.cdmoId)!;
  return withTenant(db, { orgId: o.cdmoId }, async (tx) => {
    const participation =
      (await tx.rfpParticipation.findFirst({ where: { invitationId } })) ??
      (await tx.rfpParticipation.create({
        data: {
          invitationId,
          rfpId: o.rfp.rfpId,
          sponsorOrganizationId: o.sponsorId,
          viewedAt: new Date(),
        },
      }));
    const at = o.submittedAt ?? new Date();
    const response = await tx.rfpResponse.create({
      data: {
        participationId: participation.id,
        rfpId: o.rfp.rfpId,
        sponsorOrganizationId: o.sponsorId,
        round: o.round ?? 1,
        answers: o.answers as Prisma.InputJsonValue,
        submittedAt: at,
        receiptHash: "test-receipt",
      },
    });
    await tx.rfpParticipation.update({ where: { id: participation.id }, data: { submittedAt: at } });
    return response.id;
  });
}

/** Move an RFP's due date (to put a test before or after the deadline). */
export async function setDueAt(sponsorId: string, rfpId: string, dueAt: Date | null): Promise<void> {
  await withTenant(await getDb(), { orgId: sponsorId }, (tx) =>
    tx.rfp.update({ where: { id: rfpId }, data: { dueAt } }),
  );
}
