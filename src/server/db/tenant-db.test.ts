import { describe, expect, expectTypeOf, it } from "vitest";
import { TENANT_MODELS, type TenantDb } from "./tenant";
import type { TenantDelegateName } from "./tenant-db";

// The narrow tenant client is a compile-time guarantee, so this file is checked by `tsc`
// (npm test runs it first): every `@ts-expect-error` below must still be an error, or tsc
// fails with "Unused '@ts-expect-error' directive". The functions are never called.

declare const db: TenantDb;

export function forbiddenOnATenantDb() {
  // @ts-expect-error no global models: users (e-mails, password hashes) are not reachable
  void db.user.findMany();
  // @ts-expect-error no global models: another organisation cannot be renamed
  void db.organization.update({ where: { id: "other" }, data: { name: "Hijacked" } });
  // @ts-expect-error no sessions
  void db.authSession.findMany();
  // @ts-expect-error no outbox
  void db.emailOutbox.findMany();
  // @ts-expect-error no raw SQL (it lives in src/server/db/sql as named functions)
  void db.$queryRaw`SELECT 1`;
  // @ts-expect-error no raw SQL
  void db.$executeRaw`SELECT 1`;
  // @ts-expect-error no raw SQL
  void db.$queryRawUnsafe("SELECT 1");
  // @ts-expect-error the scoped client adds the organisation: a create may not name one
  void db.vendorNote.create({ data: { organizationId: "other", vendorId: "v", authorId: "u", body: "x" } });
  // @ts-expect-error nor may createMany
  void db.vendorTag.createMany({ data: [{ organizationId: "other", vendorId: "v", tag: "t" }] });
  void db.vendorQualityView.upsert({
    where: { id: "x" },
    // @ts-expect-error nor the create branch of an upsert
    create: { organizationId: "other", vendorId: "v", qualityAsOf: new Date() },
    update: {},
  });
}

export async function allowedOnATenantDb() {
  const note = await db.vendorNote.create({ data: { vendorId: "v", authorId: "u", body: "x" }, select: { id: true } });
  expectTypeOf(note).toEqualTypeOf<{ id: string }>();
  const full = await db.vendorNote.create({ data: { vendorId: "v", authorId: "u", body: "x" } });
  expectTypeOf(full.organizationId).toBeString();
  await db.vendorTag.createMany({ data: [{ vendorId: "v", tag: "t" }] });
  const rows = await db.membership.findMany({ select: { id: true, role: true } });
  expectTypeOf(rows).toEqualTypeOf<{ id: string; role: "OWNER" | "ADMIN" | "EVALUATOR" | "VIEWER" | "RESPONDER" }[]>();
}

describe("the narrow tenant client", () => {
  it("exposes exactly the models the scoped client scopes (TENANT_MODELS)", () => {
    const delegates: Record<TenantDelegateName, true> = {
      membership: true,
      invitation: true,
      auditEvent: true,
      vendor: true,
      vendorSite: true,
      inspection: true,
      warningLetter: true,
      recall: true,
      vendorNote: true,
      vendorTag: true,
      vendorQualityView: true,
      savedFilter: true,
      importRun: true,
      importRow: true,
      programme: true,
      rfp: true,
      rfpChange: true,
      rfpInvitation: true,
      rfpParticipation: true,
      rfpResponse: true,
      bidOpening: true,
      clarification: true,
      clarificationAnswer: true,
      storedFile: true,
      fileChunk: true,
      scorecard: true,
      score: true,
      scoreSubmission: true,
      scoreOverride: true,
      scoreRationale: true,
      shortlistEntry: true,
      shortlistVote: true,
      shortlistComment: true,
      portfolioScenario: true,
      portfolioDecision: true,
      decisionSignature: true,
    };
    const models = Object.keys(delegates).map((d) => d[0]!.toUpperCase() + d.slice(1));
    expect(models.sort()).toEqual([...TENANT_MODELS].sort());
  });
});
