import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "../../src/server/db/generated/client";
import { insertUser, userByEmail } from "../../src/server/db/globals";
import { withTenant, type TenantDb } from "../../src/server/db/tenant";
import { hashPassword } from "../../src/server/auth/password";
import { recordAudit, type Actor } from "../../src/server/audit/record-audit";
import { answerClarification, askClarification } from "../../src/server/clarifications/clarifications";
import { notifyInvitees, notifySponsor } from "../../src/server/notifications/rfp-notify";
import { openBids } from "../../src/server/rfps/bid-opening";
import { allQuestions, validateAnswers, type Question, type RfpContent } from "../../src/server/rfps/content";
import { copyContentWithMap } from "../../src/server/rfps/copy";
import { receiptHash } from "../../src/server/rfps/receipt";
import { findTemplate } from "../../src/server/rfps/templates";
import { BIDDER_VENDORS, DEMO_BIDDER_USERS, DEMO_PASSWORD } from "./demo-accounts";
import { DEMO_ASSUMPTIONS, DEMO_BIDDERS, DEMO_STAGES, type DemoBidder } from "./data/rfp-offers";

// The demo programme and its RFPs, one in each state, answered by several platform CDMOs. Each
// side writes only its own rows, in its own organisation's transaction, as the flows do: the
// sponsor its programme, RFPs and invitations; each CDMO its participation and responses
// (validated as a submission is, with its receipt hash, before the due date). Questions,
// answers and bid openings go through the clarification and bid services themselves.

const DAY = 86_400_000;
type Org = { id: string; slug: string };
type Bidder = DemoBidder & { orgId: string; actor: Actor & object };

const at = (days: number, hour = 12) => {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d;
};

/** People at the other platform CDMOs, each the owner of their (so far memberless) organisation. */
async function seedBidderUsers(db: PrismaClient, sponsorId: string): Promise<Map<string, string>> {
  const vendors = await withTenant(db, { orgId: sponsorId }, (tx) =>
    tx.vendor.findMany({
      where: { isPublic: true, name: { in: Object.values(BIDDER_VENDORS) } },
      select: { name: true, organizationId: true },
    }),
  );
  const orgOf = new Map(vendors.map((v) => [v.name, v.organizationId]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const out = new Map<string, string>();
  for (const u of DEMO_BIDDER_USERS) {
    const orgId = orgOf.get(BIDDER_VENDORS[u.org]);
    if (!orgId) continue;
    const id = randomUUID();
    await withTenant(db, { orgId: "", userId: id }, (tx) =>
      insertUser(tx, { id, email: u.email, name: u.name, passwordHash }),
    );
    await withTenant(db, { orgId }, async (tx) => {
      const m = await tx.membership.create({ data: { userId: id, role: u.role } });
      await recordAudit(tx, {
        actor: null,
        action: "membership.created",
        entityType: "Membership",
        entityId: m.id,
        changes: { userId: { old: null, new: id }, role: { old: null, new: u.role } },
        reason: "Demo data",
      });
    });
    out.set(BIDDER_VENDORS[u.org], orgId);
  }
  return out;
}

async function actor(db: PrismaClient, email: string): Promise<Actor & object> {
  const u = await userByEmail(db, email);
  if (!u) throw new Error(`seed: no demo user ${email}`);
  return { id: u.id, email };
}

/** A plausible answer to any non-price question, in the bidder's voice. */
function answerFor(q: Question, b: Bidder): unknown {
  switch (q.kind) {
    case "text":
      return `${b.vendor}: ${b.pitch}`.slice(0, q.maxLength ?? 4000);
    case "yesno":
      return !/warning letter|non-compliance|import alert/i.test(q.prompt);
    case "number": {
      const v = q.min !== undefined && q.max !== undefined ? Math.round((q.min + q.max) / 4) : (q.min ?? 0) + 90;
      return { value: v };
    }
    case "single":
      return q.options[0];
    case "multi":
      return q.options.slice(0, 2);
    default:
      return undefined;
  }
}

function answersFor(content: RfpContent, b: Bidder): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { question: q } of allQuestions(content)) {
    if (q.kind === "price") {
      const quote = b.quotes[q.stage as (typeof DEMO_STAGES)[number]];
      if (quote)
        out[q.id] = {
          price: quote.price,
          durationWeeks: quote.weeks,
          ...(quote.min !== undefined ? { minWeeks: quote.min } : {}),
          ...(quote.max !== undefined ? { maxWeeks: quote.max } : {}),
          includes: quote.includes,
        };
    } else if (q.kind === "number" && q.role) {
      // Only a bidder that offers a bundle discount answers the two bundle questions.
      if (b.bundle) out[q.id] = { value: q.role === "bundleRate" ? b.bundle.ratePercent : b.bundle.minStages };
    } else if (q.required || q.kind !== "file") {
      const a = answerFor(q, b);
      if (a !== undefined) out[q.id] = a;
    }
  }
  const issues = validateAnswers(content, out, "submit");
  if (issues.length) throw new Error(`seed: ${b.vendor}'s answers do not pass: ${issues[0]!.message}`);
  return out;
}

type RfpSpec = {
  title: string;
  summary: string;
  status: "DRAFT" | "PUBLISHED" | "CLOSED" | "AWARDED" | "CANCELLED";
  publishedAt: Date | null;
  dueAt: Date;
  sealed?: boolean;
  committeeOpening?: boolean;
  templateKey?: string;
  awardedAt?: Date;
  cancelledAt?: Date;
  cancelReason?: string;
};

/** The sponsor's RFP from a template (fresh ids; every price line optional so specialists can quote). */
async function createRfp(tx: TenantDb, who: Actor & object, programmeId: string, spec: RfpSpec) {
  const template = findTemplate(spec.templateKey ?? "mab-ds-dp")!;
  const { content } = copyContentWithMap(template.content);
  for (const s of content.sections) for (const q of s.questions) if (q.kind === "price") q.required = false;
  const rfp = await tx.rfp.create({
    data: {
      programmeId,
      title: spec.title,
      summary: spec.summary,
      stages: template.stages,
      status: spec.status === "CLOSED" ? "CLOSED" : spec.status,
      content: content as unknown as Prisma.InputJsonValue,
      weights: template.weights,
      dueAt: spec.dueAt,
      timeZone: "Europe/Berlin",
      sealed: spec.sealed ?? false,
      committeeOpening: spec.committeeOpening ?? false,
      templateKey: template.key,
      publishedAt: spec.publishedAt,
      closedAt: spec.status === "CLOSED" || spec.status === "AWARDED" ? spec.dueAt : null,
      awardedAt: spec.awardedAt ?? null,
      cancelledAt: spec.cancelledAt ?? null,
      cancelReason: spec.cancelReason ?? null,
      createdById: who.id,
    },
  });
  await recordAudit(tx, {
    actor: who,
    action: "rfp.created",
    entityType: "Rfp",
    entityId: rfp.id,
    changes: { title: { old: null, new: spec.title }, templateKey: { old: null, new: template.key } },
    reason: "Demo data",
  });
  if (spec.status !== "DRAFT")
    await recordAudit(tx, {
      actor: who,
      action: `rfp.${spec.status === "CANCELLED" ? "cancelled" : "published"}`,
      entityType: "Rfp",
      entityId: rfp.id,
      changes: { status: { old: "DRAFT", new: spec.status } },
      reason: spec.cancelReason ?? "Demo data",
    });
  return { id: rfp.id, content };
}

async function invite(tx: TenantDb, who: Actor & object, rfpId: string, bidders: Bidder[], sentAt: Date | null) {
  const ids = new Map<string, string>();
  for (const b of bidders) {
    const inv = await tx.rfpInvitation.create({
      data: { rfpId, vendorOrganizationId: b.orgId, displayName: b.vendor, sentAt, createdById: who.id },
    });
    await recordAudit(tx, {
      actor: who,
      action: "rfp_invitation.created",
      entityType: "RfpInvitation",
      entityId: inv.id,
      changes: { vendor: { old: null, new: b.vendor } },
      reason: "Demo data",
    });
    ids.set(b.orgId, inv.id);
  }
  return ids;
}

/** The CDMO side: it viewed the RFP and, unless `draft`, submitted its response at `submittedAt`. */
async function respond(
  db: PrismaClient,
  b: Bidder,
  rfp: { id: string; content: RfpContent; sponsorId: string; invitationId: string },
  o: { submittedAt?: Date; draft?: boolean; declined?: string },
) {
  await withTenant(db, { orgId: b.orgId, userId: b.actor.id }, async (tx) => {
    const viewedAt = new Date((o.submittedAt ?? new Date()).getTime() - 5 * DAY);
    const p = await tx.rfpParticipation.create({
      data: {
        invitationId: rfp.invitationId,
        rfpId: rfp.id,
        sponsorOrganizationId: rfp.sponsorId,
        viewedAt,
        declinedAt: o.declined ? viewedAt : null,
        declineReason: o.declined ?? null,
        submittedAt: o.draft || o.declined ? null : (o.submittedAt ?? null),
      },
    });
    if (o.declined) return;
    const answers = answersFor(rfp.content, b);
    const submitted = !o.draft && o.submittedAt;
    const r = await tx.rfpResponse.create({
      data: {
        participationId: p.id,
        rfpId: rfp.id,
        sponsorOrganizationId: rfp.sponsorId,
        round: 1,
        answers: answers as Prisma.InputJsonValue,
        submittedAt: submitted ? o.submittedAt! : null,
        submittedById: submitted ? b.actor.id : null,
        receiptHash: submitted ? receiptHash({ rfpId: rfp.id, round: 1, answers, files: [] }) : null,
        updatedById: b.actor.id,
      },
    });
    if (submitted) {
      await recordAudit(tx, {
        actor: b.actor,
        action: "response.submitted",
        entityType: "RfpResponse",
        entityId: r.id,
        changes: { round: { old: null, new: 1 }, receiptHash: { old: null, new: r.receiptHash } },
        reason: "Demo data",
      });
      await notifySponsor(tx, rfp.id, {
        kind: "RESPONSE_SUBMITTED",
        title: `${b.vendor} submitted a response`,
        body: `${b.vendor} submitted its response.`,
        roles: ["OWNER", "ADMIN", "EVALUATOR"],
      });
    }
  });
}

export async function seedRfps(db: PrismaClient, orgs: Record<string, Org>): Promise<void> {
  const sponsor = orgs.sponsor!;
  const bidderOrgs = await seedBidderUsers(db, sponsor.id);
  bidderOrgs.set("Northbridge Biologics", orgs.cdmo!.id);
  const bidders: Bidder[] = [];
  for (const b of DEMO_BIDDERS) {
    const orgId = bidderOrgs.get(b.vendor);
    if (orgId) bidders.push({ ...b, orgId, actor: await actor(db, b.email) });
  }
  const by = (name: string) => bidders.find((b) => b.vendor === name)!;
  const olivia = await actor(db, "olivia.owner@helix.example");
  const eva = await actor(db, "eva.evaluator@helix.example");

  const made = await withTenant(db, { orgId: sponsor.id, userId: olivia.id }, async (tx) => {
    const programme = await tx.programme.create({
      data: {
        name: "HLX-204 anti-IL-23 mAb",
        molecule: "HLX-204",
        modality: "MAB",
        phase: "PHASE_1",
        stages: [...DEMO_STAGES],
        description: "First-in-human supply for a humanised IgG1 against IL-23 p19: cell line to released vials.",
        startDate: at(-60),
        targetDate: at(600),
        budget: 9_000_000,
        currency: "USD",
        costOfDelayPerWeek: DEMO_ASSUMPTIONS.costOfDelayPerWeek,
        assumptions: { ...DEMO_ASSUMPTIONS },
        createdById: olivia.id,
      },
    });
    await recordAudit(tx, {
      actor: olivia,
      action: "programme.created",
      entityType: "Programme",
      entityId: programme.id,
      changes: { name: { old: null, new: programme.name } },
      reason: "Demo data",
    });
    const rfp = (spec: RfpSpec) => createRfp(tx, olivia, programme.id, spec);
    const closed = await rfp({
      title: "HLX-204 development and clinical manufacturing",
      summary: "Quote the stages you offer, from cell line development to QC release of the first clinical lots.",
      status: "CLOSED",
      publishedAt: at(-40),
      dueAt: at(-5, 15),
      sealed: true,
      committeeOpening: true,
    });
    const published = await rfp({
      title: "HLX-204 commercial-ready supply, second source",
      summary: "A second source for drug substance and drug product ahead of Phase 3.",
      status: "PUBLISHED",
      publishedAt: at(-6),
      dueAt: at(7, 15),
      sealed: true,
      committeeOpening: true,
    });
    const awarded = await rfp({
      title: "HLX-204 toxicology material",
      summary: "Non-GMP material for the GLP toxicology studies.",
      status: "AWARDED",
      publishedAt: at(-120),
      dueAt: at(-90, 15),
      awardedAt: at(-80),
    });
    const cancelled = await rfp({
      title: "HLX-204 lyophilised presentation",
      summary: "Formulation and fill of a lyophilised presentation.",
      status: "CANCELLED",
      publishedAt: at(-30),
      dueAt: at(10, 15),
      cancelledAt: at(-20),
      cancelReason: "The team chose a liquid presentation for Phase 1.",
      templateKey: "fill-finish",
    });
    const draft = await rfp({
      title: "HLX-204 Phase 2 fill-finish capacity",
      summary: "Draft: fill-finish slots for Phase 2.",
      status: "DRAFT",
      publishedAt: null,
      dueAt: at(45, 15),
      templateKey: "fill-finish",
    });
    const invited = {
      closed: await invite(tx, olivia, closed.id, bidders, at(-40)),
      published: await invite(
        tx,
        olivia,
        published.id,
        ["Northbridge Biologics", "Incheon BioLogix", "Aldermoor Biologics", "Paulista Biotecnologia"].map(by),
        at(-6),
      ),
      awarded: await invite(tx, olivia, awarded.id, ["Northbridge Biologics", "Aldermoor Biologics"].map(by), at(-120)),
      cancelled: await invite(
        tx,
        olivia,
        cancelled.id,
        ["Kestrel Fill-Finish", "Paulista Biotecnologia"].map(by),
        at(-30),
      ),
      draft: await invite(tx, olivia, draft.id, ["Kestrel Fill-Finish"].map(by), null),
    };
    for (const r of [closed, published, awarded, cancelled])
      await notifyInvitees(tx, r.id, {
        kind: "INVITATION",
        title: "Helix Therapeutics invited you to respond to an RFP",
        body: "Open the RFP to read it, ask questions and respond before the due date.",
      });
    return { programmeId: programme.id, closed, published, awarded, invited };
  });

  const resp = (
    b: Bidder,
    r: { id: string; content: RfpContent },
    inv: Map<string, string>,
    o: Parameters<typeof respond>[3],
  ) => respond(db, b, { ...r, sponsorId: sponsor.id, invitationId: inv.get(b.orgId)! }, o);
  // Closed: every bidder submitted during the response window.
  for (const [i, b] of bidders.entries())
    await resp(b, made.closed, made.invited.closed, { submittedAt: at(-12 + i, 9 + i) });
  // Open: one sealed submission, one draft in progress, questions.
  await resp(by("Incheon BioLogix"), made.published, made.invited.published, { submittedAt: at(-1, 10) });
  await resp(by("Northbridge Biologics"), made.published, made.invited.published, { draft: true });
  await resp(by("Paulista Biotecnologia"), made.published, made.invited.published, {
    declined: "No drug substance capacity before 2028.",
  });
  // Awarded: both answered.
  await resp(by("Northbridge Biologics"), made.awarded, made.invited.awarded, { submittedAt: at(-95) });
  await resp(by("Aldermoor Biologics"), made.awarded, made.invited.awarded, { submittedAt: at(-93) });

  // Clarifications on the open RFP, through the services (anonymous to all, private, and one waiting).
  const ask = async (b: Bidder, question: string) =>
    withTenant(db, { orgId: b.orgId, userId: b.actor.id }, (tx) =>
      askClarification(tx, b.actor, { id: b.orgId, name: b.vendor }, { rfpId: made.published.id, question }),
    );
  const q1 = await ask(
    by("Northbridge Biologics"),
    "Should the drug substance price assume our 2,000 L single-use train at Worcester, or is stainless steel acceptable?",
  );
  const q2 = await ask(by("Aldermoor Biologics"), "Can we propose a 1,000 L scale with three batches instead of two?");
  await ask(by("Incheon BioLogix"), "Is a reference standard supplied by Helix, or should we qualify our own?");
  const sponsorOrg = { id: sponsor.id, name: "Helix Therapeutics" };
  await withTenant(db, { orgId: sponsor.id, userId: eva.id }, async (tx) => {
    await answerClarification(tx, eva, sponsorOrg, {
      clarificationId: q1.id,
      audience: "ALL",
      question: "Which bioreactor technology should the drug substance price assume?",
      answer: "Either single-use or stainless steel is acceptable; state the scale and technology in your price line.",
    });
    await answerClarification(tx, eva, sponsorOrg, {
      clarificationId: q2.id,
      audience: "PRIVATE",
      answer: "Yes. Quote three 1,000 L batches and say so in what the price includes.",
    });
  });

  // The committee opened the closed RFP's sealed bids after its due date.
  for (const who of [olivia, eva])
    await withTenant(db, { orgId: sponsor.id, userId: who.id }, (tx) =>
      openBids(tx, who, { userId: who.id, orgId: sponsor.id }, { rfpId: made.closed.id }),
    );
}
