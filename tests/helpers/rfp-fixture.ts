import { randomBytes } from "node:crypto";
import { getDb } from "@/server/db/client";
import { withTenant, type TenantDb } from "@/server/db/tenant";
import { findTemplate } from "@/server/rfps/templates";
import { addMember, makeOrg, makeUser, type TestUser } from "./actors";
import type { Role } from "@/server/api/roles";

// A sponsor with a programme and a draft RFP (a shipped template's questions), and CDMOs to
// invite: the rows the RFP lifecycle and notification tests start from, written directly.

export type Org = { id: string; slug: string; owner: TestUser };

export async function makeOrgWith(kind: "SPONSOR" | "CDMO", label: string, extra: Role[] = []) {
  const owner = await makeUser(`${label}-owner`);
  const org = await makeOrg(kind, owner);
  const members: TestUser[] = [];
  for (const role of extra) {
    const u = await makeUser(`${label}-${role.toLowerCase()}`);
    await addMember(org.id, u, role);
    members.push(u);
  }
  return { id: org.id, slug: org.slug, owner, members };
}

export const asOrg = async <T>(orgId: string, fn: (db: TenantDb) => Promise<T>, userId?: string) =>
  withTenant(await getDb(), { orgId, userId }, fn);

export async function makeDraftRfp(
  sponsorId: string,
  opts: { dueAt?: Date | null; title?: string; empty?: boolean } = {},
): Promise<{ rfpId: string; programmeId: string }> {
  const t = findTemplate("mab-ds-dp") ?? findTemplateAny();
  return asOrg(sponsorId, async (db) => {
    const p = await db.programme.create({
      data: {
        name: "Programme",
        molecule: "HLX-101",
        modality: "MAB",
        phase: "PHASE_1",
        stages: t.stages,
        assumptions: {},
      },
    });
    const r = await db.rfp.create({
      data: {
        programmeId: p.id,
        title: opts.title ?? "Drug substance and drug product for HLX-101",
        stages: t.stages,
        content: opts.empty ? { sections: [] } : t.content,
        weights: t.weights,
        dueAt: opts.dueAt === undefined ? new Date(Date.now() + 14 * 86_400_000) : opts.dueAt,
      },
    });
    return { rfpId: r.id, programmeId: p.id };
  });
}

function findTemplateAny() {
  const t = findTemplate("fill-finish") ?? findTemplate("mab");
  if (t) return t;
  throw new Error("no RFP template");
}

/** An invitation of a platform CDMO (sent now unless `sent: false`), as the sponsor writes it. */
export async function inviteOrg(sponsorId: string, rfpId: string, vendorOrgId: string, opts: { sent?: boolean } = {}) {
  return asOrg(sponsorId, (db) =>
    db.rfpInvitation.create({
      data: {
        rfpId,
        vendorOrganizationId: vendorOrgId,
        displayName: "Invited CDMO",
        sentAt: opts.sent === false ? null : new Date(),
      },
    }),
  );
}

/** An invitation by e-mail of someone not on the platform. */
export async function inviteEmail(sponsorId: string, rfpId: string, email: string, opts: { sent?: boolean } = {}) {
  return asOrg(sponsorId, (db) =>
    db.rfpInvitation.create({
      data: {
        rfpId,
        email,
        displayName: email,
        tokenHash: randomBytes(32).toString("hex"),
        sentAt: opts.sent === false ? null : new Date(),
      },
    }),
  );
}
