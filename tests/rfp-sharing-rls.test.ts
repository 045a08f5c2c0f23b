import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { withTenant, type TenantDb } from "@/server/db/tenant";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { makeOrg, makeUser } from "./helpers/actors";

// The sharing rules between a sponsor and the CDMOs it invites, checked underneath the
// services: through the scoped client (SHARED_READS) and through raw SQL as the application
// role (row-level security), so a mistaken query in a future service still cannot leak.

let t: TestDb;
type Org = { id: string };
let sponsor: Org, a: Org, b: Org, outsider: Org;
let rfpId: string, draftRfpId: string, invA: string, invB: string;

const as = async <T>(org: Org, fn: (db: TenantDb) => Promise<T>) => withTenant(await getDb(), { orgId: org.id }, fn);

/** Raw SQL as the application role inside `org`'s settings. */
async function rawAs(org: Org, sql: string, ...params: unknown[]) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT set_config('app.org_id', $1, true)`, org.id);
    return tx.$queryRawUnsafe(sql, ...params) as Promise<Record<string, unknown>[]>;
  });
}

const content = { sections: [{ id: "s1", title: "Commercial", questions: [] }] };

beforeAll(async () => {
  t = await createTestDb();
  sponsor = await makeOrg("SPONSOR", await makeUser("sponsor"));
  a = await makeOrg("CDMO", await makeUser("cdmo-a"));
  b = await makeOrg("CDMO", await makeUser("cdmo-b"));
  outsider = await makeOrg("CDMO", await makeUser("cdmo-c"));
  await as(sponsor, async (db) => {
    const p = await db.programme.create({
      data: { name: "P", molecule: "X-1", modality: "MAB", phase: "PHASE_1", stages: ["DS_CLIN"], assumptions: {} },
    });
    const base = { programmeId: p.id, stages: ["DS_CLIN"], content, weights: {} };
    rfpId = (await db.rfp.create({ data: { ...base, title: "Open", status: "PUBLISHED" } })).id;
    draftRfpId = (await db.rfp.create({ data: { ...base, title: "Draft" } })).id;
    const sent = new Date();
    invA = (
      await db.rfpInvitation.create({ data: { rfpId, vendorOrganizationId: a.id, displayName: "A", sentAt: sent } })
    ).id;
    invB = (
      await db.rfpInvitation.create({ data: { rfpId, vendorOrganizationId: b.id, displayName: "B", sentAt: sent } })
    ).id;
    // Invited to the draft too, but not sent yet.
    await db.rfpInvitation.create({ data: { rfpId: draftRfpId, vendorOrganizationId: a.id, displayName: "A" } });
  });
});
afterAll(async () => t?.drop());

describe(`RFP sharing rules (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("an invited CDMO reads the published RFP and only its own invitation; others read nothing", async () => {
    expect(await as(a, (db) => db.rfp.findMany({ select: { id: true } }))).toEqual([{ id: rfpId }]);
    expect(await as(a, (db) => db.rfpInvitation.findMany({ select: { id: true } }))).toEqual([{ id: invA }]);
    expect(await as(outsider, (db) => db.rfp.count())).toBe(0);
    expect(await as(outsider, (db) => db.rfpInvitation.count())).toBe(0);
    // Underneath the scoped client, raw SQL as the app role says the same.
    expect((await rawAs(a, `SELECT id FROM "Rfp"`)).map((r) => r.id)).toEqual([rfpId]);
    expect((await rawAs(a, `SELECT id FROM "RfpInvitation"`)).map((r) => r.id)).toEqual([invA]);
    expect(await rawAs(outsider, `SELECT id FROM "Rfp"`)).toEqual([]);
    // The CDMO sees who invited it, and nothing of the programme behind the RFP.
    expect((await rawAs(a, `SELECT id FROM "Organization" WHERE kind = 'SPONSOR'`)).map((r) => r.id)).toEqual([
      sponsor.id,
    ]);
    expect(await rawAs(a, `SELECT id FROM "Programme"`)).toEqual([]);
  });

  it("nobody writes into the other side's rows", async () => {
    await expect(rawAs(a, `UPDATE "Rfp" SET title = 'mine' RETURNING id`)).resolves.toEqual([]);
    await expect(rawAs(a, `UPDATE "RfpInvitation" SET "displayName" = 'x' RETURNING id`)).resolves.toEqual([]);
    expect(await as(a, (db) => db.rfp.updateMany({ where: { id: rfpId }, data: { title: "x" } }))).toEqual({
      count: 0,
    });
  });

  it("a CDMO's participation and response must match its own invitation", async () => {
    // Against another CDMO's invitation, or naming another sponsor: refused by the policy.
    await expect(
      as(a, (db) =>
        db.rfpParticipation.create({ data: { invitationId: invB, rfpId, sponsorOrganizationId: sponsor.id } }),
      ),
    ).rejects.toThrow(/row-level security|violates/i);
    await expect(
      as(a, (db) => db.rfpParticipation.create({ data: { invitationId: invA, rfpId, sponsorOrganizationId: b.id } })),
    ).rejects.toThrow(/row-level security|violates/i);
    const part = await as(a, (db) =>
      db.rfpParticipation.create({ data: { invitationId: invA, rfpId, sponsorOrganizationId: sponsor.id } }),
    );
    await expect(
      as(a, (db) =>
        db.rfpResponse.create({ data: { participationId: part.id, rfpId, sponsorOrganizationId: b.id, round: 1 } }),
      ),
    ).rejects.toThrow(/row-level security|violates/i);
  });

  it("the sponsor reads a response only once submitted; other CDMOs never; a submitted one is final", async () => {
    const part = await as(a, (db) => db.rfpParticipation.findFirstOrThrow({ where: { invitationId: invA } }));
    const resp = await as(a, (db) =>
      db.rfpResponse.create({
        data: { participationId: part.id, rfpId, sponsorOrganizationId: sponsor.id, round: 1, answers: { q: "x" } },
      }),
    );
    expect(await as(sponsor, (db) => db.rfpParticipation.count())).toBe(1);
    expect(await as(sponsor, (db) => db.rfpResponse.count())).toBe(0);
    expect(await rawAs(sponsor, `SELECT id FROM "RfpResponse"`)).toEqual([]);
    await as(a, (db) => db.rfpResponse.update({ where: { id: resp.id }, data: { submittedAt: new Date() } }));
    expect(await as(sponsor, (db) => db.rfpResponse.count())).toBe(1);
    expect(await as(b, (db) => db.rfpResponse.count())).toBe(0);
    expect(await rawAs(b, `SELECT id FROM "RfpResponse"`)).toEqual([]);
    await expect(
      as(a, (db) => db.rfpResponse.update({ where: { id: resp.id }, data: { answers: { q: "changed" } } })),
    ).rejects.toThrow(/submitted response cannot be changed/);
    await expect(as(a, (db) => db.rfpResponse.delete({ where: { id: resp.id } }))).rejects.toThrow(
      /submitted response cannot be changed/,
    );
  });

  it("answers to all reach every invitee without the asker; private answers only the asker", async () => {
    const q = await as(a, (db) =>
      db.clarification.create({ data: { rfpId, sponsorOrganizationId: sponsor.id, question: "Scale?" } }),
    );
    // An outsider cannot even ask: the RFP is not visible to it.
    await expect(
      as(outsider, (db) =>
        db.clarification.create({ data: { rfpId, sponsorOrganizationId: sponsor.id, question: "Hi?" } }),
      ),
    ).rejects.toThrow(/row-level security|violates/i);
    expect(await as(b, (db) => db.clarification.count())).toBe(0);
    await as(sponsor, async (db) => {
      await db.clarificationAnswer.create({
        data: { rfpId, clarificationId: q.id, question: "Scale?", answer: "2000 L", audience: "ALL" },
      });
      await db.clarificationAnswer.create({
        data: { rfpId, question: "Private", answer: "Only A", audience: "PRIVATE", recipientOrganizationId: a.id },
      });
    });
    expect(await as(a, (db) => db.clarificationAnswer.count())).toBe(2);
    expect(await as(b, (db) => db.clarificationAnswer.findMany({ select: { answer: true } }))).toEqual([
      { answer: "2000 L" },
    ]);
    expect(await rawAs(outsider, `SELECT id FROM "ClarificationAnswer"`)).toEqual([]);
  });

  it("notify_org reaches only organisations an RFP links", async () => {
    const ok = await rawAs(sponsor, `SELECT * FROM notify_org($1, 'INVITATION', 't', 'b', '/x', NULL)`, a.id);
    expect(ok).toHaveLength(1);
    await expect(
      rawAs(sponsor, `SELECT * FROM notify_org($1, 'INVITATION', 't', 'b', '/x', NULL)`, outsider.id),
    ).rejects.toThrow(/no RFP links/);
    // A CDMO may notify the sponsor that invited it, not another CDMO.
    expect(
      await rawAs(a, `SELECT * FROM notify_org($1, 'CLARIFICATION', 't', 'b', '/x', NULL)`, sponsor.id),
    ).toHaveLength(1);
    await expect(rawAs(a, `SELECT * FROM notify_org($1, 'CLARIFICATION', 't', 'b', '/x', NULL)`, b.id)).rejects.toThrow(
      /no RFP links/,
    );
  });

  it("a revoked invitee loses the RFP", async () => {
    await as(sponsor, (db) => db.rfpInvitation.update({ where: { id: invB }, data: { revokedAt: new Date() } }));
    expect(await as(b, (db) => db.rfp.count())).toBe(0);
    expect(await rawAs(b, `SELECT id FROM "Rfp"`)).toEqual([]);
    expect(await as(b, (db) => db.clarificationAnswer.count())).toBe(0);
  });

  it("an e-mailed invitation is claimed with its token, once, by a CDMO organisation only", async () => {
    const inv = await as(sponsor, (db) =>
      db.rfpInvitation.create({
        data: { rfpId, email: "bd@new.example", displayName: "New CDMO", tokenHash: "tok-1", sentAt: new Date() },
      }),
    );
    const claim = async (org: Org, token: string) => {
      const db = await getDb();
      return db.$transaction(async (tx) => {
        await tx.$queryRawUnsafe(
          `SELECT set_config('app.org_id', $1, true), set_config('app.invite_token', $2, true)`,
          org.id,
          token,
        );
        return tx.$queryRawUnsafe(
          `UPDATE "RfpInvitation" SET "vendorOrganizationId" = $1 WHERE id = $2 RETURNING id`,
          org.id,
          inv.id,
        ) as Promise<unknown[]>;
      });
    };
    expect(await claim(outsider, "wrong")).toEqual([]);
    const otherSponsor = await makeOrg("SPONSOR", await makeUser("sponsor-2"));
    await expect(claim(otherSponsor, "tok-1")).rejects.toThrow(/row-level security|violates/i);
    expect(await claim(outsider, "tok-1")).toHaveLength(1);
    expect(await as(outsider, (db) => db.rfp.count())).toBe(1);
    // Claimed: the same link does nothing for anyone else.
    const late = await makeOrg("CDMO", await makeUser("cdmo-late"));
    expect(await claim(late, "tok-1")).toEqual([]);
  });
});
