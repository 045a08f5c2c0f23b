import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/tenant";
import { DEFAULT_WEIGHTS, type RfpContent } from "@/server/rfps/content";
import { makeOrg, makeUser, type TestUser } from "./actors";

// A sponsor with a programme and an RFP (one "file" question), and a CDMO invited to it with a
// draft response, written straight through the tenant client (the RFP services are another
// slice's). Each step is its own function so a test can stop where it needs to.

export const FILE_QUESTION = "q-quote";
export const TEXT_QUESTION = "q-notes";
export const PDF_ONLY_QUESTION = "q-cert";

export const CONTENT: RfpContent = {
  sections: [
    {
      id: "s-main",
      title: "Commercial",
      questions: [
        { id: FILE_QUESTION, kind: "file", prompt: "Attach your quote.", required: true },
        { id: PDF_ONLY_QUESTION, kind: "file", prompt: "GMP certificate (PDF).", required: false, accept: ["pdf"] },
        { id: TEXT_QUESTION, kind: "text", prompt: "Anything else?", required: false },
      ],
    },
  ],
};

export type Org = { id: string; slug: string; owner: TestUser };

export async function makeOrgWithOwner(kind: "SPONSOR" | "CDMO", label: string): Promise<Org> {
  const owner = await makeUser(`${label}-owner`);
  const org = await makeOrg(kind, owner, `${label} ${Math.random().toString(36).slice(2, 6)}`);
  return { id: org.id, slug: org.slug, owner };
}

export async function makeRfp(
  sponsor: Org,
  opts: { status?: "DRAFT" | "PUBLISHED"; dueAt?: Date; sealed?: boolean; committeeOpening?: boolean } = {},
): Promise<string> {
  return withTenant(await getDb(), { orgId: sponsor.id, userId: sponsor.owner.id }, async (db) => {
    const programme = await db.programme.create({
      data: { name: "HX-101", molecule: "mAb", modality: "MAB", phase: "PHASE_1", stages: ["DS"], assumptions: {} },
    });
    const rfp = await db.rfp.create({
      data: {
        programmeId: programme.id,
        title: "Drug substance for HX-101",
        stages: ["DS"],
        content: CONTENT,
        weights: DEFAULT_WEIGHTS,
        status: opts.status ?? "DRAFT",
        dueAt: opts.dueAt ?? new Date(Date.now() + 7 * 24 * 3600 * 1000),
        sealed: opts.sealed ?? false,
        committeeOpening: opts.committeeOpening ?? false,
        publishedAt: opts.status === "PUBLISHED" ? new Date() : null,
      },
    });
    return rfp.id;
  });
}

export async function setRfpStatus(
  sponsor: Org,
  rfpId: string,
  data: { status?: "PUBLISHED" | "CANCELLED"; dueAt?: Date },
) {
  await withTenant(await getDb(), { orgId: sponsor.id }, (db) => db.rfp.update({ where: { id: rfpId }, data }));
}

/** Invite the CDMO (sent), then as the CDMO: its participation and a draft response for round 1. */
export async function inviteWithDraft(
  sponsor: Org,
  cdmo: Org,
  rfpId: string,
): Promise<{ invitationId: string; responseId: string }> {
  const base = await getDb();
  const invitation = await withTenant(base, { orgId: sponsor.id }, (db) =>
    db.rfpInvitation.create({
      data: { rfpId, vendorOrganizationId: cdmo.id, displayName: "CDMO", sentAt: new Date() },
    }),
  );
  const responseId = await withTenant(base, { orgId: cdmo.id, userId: cdmo.owner.id }, async (db) => {
    const p = await db.rfpParticipation.create({
      data: { invitationId: invitation.id, rfpId, sponsorOrganizationId: sponsor.id },
    });
    const r = await db.rfpResponse.create({
      data: { participationId: p.id, rfpId, sponsorOrganizationId: sponsor.id, round: 1 },
    });
    return r.id;
  });
  return { invitationId: invitation.id, responseId };
}

export async function submitResponse(cdmo: Org, responseId: string) {
  await withTenant(await getDb(), { orgId: cdmo.id }, (db) =>
    db.rfpResponse.update({ where: { id: responseId }, data: { submittedAt: new Date(), receiptHash: "test" } }),
  );
}

/** A draft RFP of `sponsor` with one PDF attachment (for the cross-tenant and fuzz fixtures). */
export async function rfpWithAttachment(sponsor: Org, name = "scope.pdf"): Promise<{ rfpId: string; fileId: string }> {
  const { uploadFile } = await import("@/server/files/transfer");
  const { PDF_BYTES } = await import("./zip");
  const rfpId = await makeRfp(sponsor);
  const file = await uploadFile({
    user: sponsor.owner,
    params: { orgSlug: sponsor.slug, purpose: "RFP_ATTACHMENT", rfpId, name },
    body: new Blob([new Uint8Array(PDF_BYTES)]).stream(),
  });
  return { rfpId, fileId: file.id };
}
