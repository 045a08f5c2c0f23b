import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/tenant";
import type { Prisma } from "@/server/db/generated/client";
import type { RfpContent } from "@/server/rfps/content";

// A published RFP of a sponsor with sent invitations to CDMOs, written as rows (the response
// tests need an RFP to answer, not the builder). Revision rounds and due-date moves likewise.

/** One question of every kind; the required ones are what submit enforces. */
export const RESPONSE_CONTENT: RfpContent = {
  sections: [
    {
      id: "s-tech",
      title: "Technical capability",
      questions: [
        { id: "q-text", kind: "text", prompt: "Describe your upstream platform.", required: true },
        { id: "q-yesno", kind: "yesno", prompt: "Do you hold EU GMP certification?", required: true },
        { id: "q-number", kind: "number", prompt: "Largest bioreactor", unit: "L", min: 0, required: true },
        {
          id: "q-single",
          kind: "single",
          prompt: "Preferred expression system",
          options: ["CHO", "HEK293", "E. coli"],
          required: true,
        },
        { id: "q-multi", kind: "multi", prompt: "Fill formats", options: ["Vials", "Syringes"], required: false },
        { id: "q-file", kind: "file", prompt: "Attach your quality manual", required: false },
      ],
    },
    {
      id: "s-price",
      title: "Commercials",
      questions: [
        { id: "q-price-ds", kind: "price", prompt: "Drug substance (clinical)", stage: "DS_CLIN", required: true },
        { id: "q-price-fill", kind: "price", prompt: "Fill-finish", stage: "FILL", required: true },
      ],
    },
  ],
};

/** Answers that pass every submit check of RESPONSE_CONTENT. */
export const COMPLETE_ANSWERS = {
  "q-text": "Fed-batch CHO platform, 2 x 2000 L single-use.",
  "q-yesno": true,
  "q-number": { value: 2000 },
  "q-single": "CHO",
  "q-multi": ["Vials"],
  "q-price-ds": { price: 1_250_000, durationWeeks: 26, minWeeks: 22, maxWeeks: 30, includes: "Two GMP batches" },
  "q-price-fill": { price: 300_000, durationWeeks: 8 },
};

const DAY = 24 * 60 * 60 * 1000;

export async function makeInvitedRfp(opts: {
  sponsorId: string;
  cdmoIds: string[];
  title?: string;
  content?: RfpContent;
  dueAt?: Date;
}): Promise<{ rfpId: string; invitationIds: string[] }> {
  const db = await getDb();
  return withTenant(db, { orgId: opts.sponsorId }, async (tx) => {
    const programme = await tx.programme.create({
      data: {
        name: "Programme HX-101",
        molecule: "HX-101",
        modality: "MAB",
        phase: "PHASE_1",
        stages: ["DS_CLIN", "FILL"],
        assumptions: {},
      },
    });
    const rfp = await tx.rfp.create({
      data: {
        programmeId: programme.id,
        title: opts.title ?? "HX-101 drug substance and fill-finish",
        stages: ["DS_CLIN", "FILL"],
        status: "PUBLISHED",
        content: (opts.content ?? RESPONSE_CONTENT) as unknown as Prisma.InputJsonValue,
        weights: { capability: 35, quality: 25, pricing: 25, handoff: 15 },
        dueAt: opts.dueAt ?? new Date(Date.now() + 14 * DAY),
        timeZone: "Europe/Berlin",
        publishedAt: new Date(),
      },
    });
    const invitationIds: string[] = [];
    for (const [i, vendorOrganizationId] of opts.cdmoIds.entries()) {
      const inv = await tx.rfpInvitation.create({
        data: { rfpId: rfp.id, vendorOrganizationId, displayName: `Invitee ${i + 1}`, sentAt: new Date() },
      });
      invitationIds.push(inv.id);
    }
    return { rfpId: rfp.id, invitationIds };
  });
}

/** As the sponsor: close the current round and open the next (best and final offer) with a new due date. */
export async function openRevisionRound(sponsorId: string, rfpId: string, dueAt = new Date(Date.now() + 7 * DAY)) {
  const db = await getDb();
  await withTenant(db, { orgId: sponsorId }, (tx) =>
    tx.rfp.updateMany({ where: { id: rfpId }, data: { round: { increment: 1 }, status: "PUBLISHED", dueAt } }),
  );
}

/** As the sponsor: move the due date (to the past, say). */
export async function setDueAt(sponsorId: string, rfpId: string, dueAt: Date) {
  const db = await getDb();
  await withTenant(db, { orgId: sponsorId }, (tx) => tx.rfp.updateMany({ where: { id: rfpId }, data: { dueAt } }));
}

/** As the sponsor: revoke an invitation. */
export async function revokeInvitation(sponsorId: string, invitationId: string) {
  const db = await getDb();
  await withTenant(db, { orgId: sponsorId }, (tx) =>
    tx.rfpInvitation.updateMany({ where: { id: invitationId }, data: { revokedAt: new Date() } }),
  );
}
