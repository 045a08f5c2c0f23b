import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/tenant";
import type { Prisma } from "@/server/db/generated/client";
import { DEFAULT_WEIGHTS, type RfpContent } from "@/server/rfps/content";
import { findTemplate } from "@/server/rfps/templates";

// RFPs written straight into the sponsor's tables, in the state a test needs (a published RFP
// with a sent invitation, a closed one...), without going through the lifecycle procedures.

export type SeedRfp = {
  title?: string;
  status?: "DRAFT" | "PUBLISHED" | "CLOSED" | "AWARDED" | "CANCELLED";
  dueAt?: Date | null;
  content?: RfpContent;
  stages?: string[];
  sealed?: boolean;
  committeeOpening?: boolean;
  /** CDMO organisations with a sent invitation. */
  invite?: string[];
};

export async function seedRfp(orgId: string, o: SeedRfp = {}) {
  const template = findTemplate("mab-ds-dp")!;
  return withTenant(await getDb(), { orgId }, async (db) => {
    const programme = await db.programme.create({
      data: {
        name: "mAb-12 programme",
        molecule: "mAb-12",
        modality: "MAB",
        phase: "PHASE_1",
        stages: template.stages,
        assumptions: {},
      },
    });
    const rfp = await db.rfp.create({
      data: {
        programmeId: programme.id,
        title: o.title ?? "DS and DP for mAb-12",
        stages: o.stages ?? template.stages,
        status: o.status ?? "DRAFT",
        content: (o.content ?? template.content) as unknown as Prisma.InputJsonValue,
        weights: DEFAULT_WEIGHTS,
        dueAt: o.dueAt === undefined ? null : o.dueAt,
        timeZone: "Europe/Berlin",
        sealed: o.sealed ?? false,
        committeeOpening: o.committeeOpening ?? false,
        publishedAt: o.status && o.status !== "DRAFT" ? new Date() : null,
      },
    });
    for (const vendorOrganizationId of o.invite ?? [])
      await db.rfpInvitation.create({
        data: { rfpId: rfp.id, vendorOrganizationId, displayName: "Invited CDMO", sentAt: new Date() },
      });
    return { programmeId: programme.id, rfpId: rfp.id, version: rfp.version, content: rfp.content as RfpContent };
  });
}
