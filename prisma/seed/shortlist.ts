import type { PrismaClient } from "../../src/server/db/generated/client";
import { userByEmail } from "../../src/server/db/globals";
import { withTenant } from "../../src/server/db/tenant";
import type { Role } from "../../src/server/api/roles";
import { commentOnShortlist, voteOnShortlist } from "../../src/server/shortlist/discussion";
import { addToShortlist, moveOnShortlist } from "../../src/server/shortlist/entries";
import { mentionToken } from "../../src/server/shortlist/mentions";
import type { ShortlistStage } from "../../src/server/shortlist/schemas";

// The demo programme's shortlist board, built through the board's own services (so the activity
// feed, the audit log and Adam's mention notification are what the flows would have written):
// five platform CDMOs across the three columns, a few votes, and a thread with a mention.
// Runs with the rest of the seed, on first start only (prisma/seed/index.ts).

type Org = { id: string; slug: string };

const PLACES: [string, ShortlistStage][] = [
  ["Northbridge Biologics", "SELECTED"],
  ["Aldermoor Biologics", "SHORT"],
  ["Incheon BioLogix", "SHORT"],
  ["Graz Biologics", "LONG"],
  ["Kestrel Fill-Finish", "LONG"],
];

async function person(db: PrismaClient, email: string, role: Role) {
  const u = await userByEmail(db, email);
  if (!u) throw new Error(`seed: no demo user ${email}`);
  return { actor: { id: u.id, email }, role, name: u.name };
}

export async function seedShortlist(db: PrismaClient, orgs: Record<string, Org>): Promise<void> {
  const sponsor = orgs.sponsor!;
  const eva = await person(db, "eva.evaluator@helix.example", "EVALUATOR");
  const olivia = await person(db, "olivia.owner@helix.example", "OWNER");
  const adam = await person(db, "adam.admin@helix.example", "ADMIN");
  const found = await withTenant(db, { orgId: sponsor.id }, async (tx) => ({
    programme: await tx.programme.findFirst({ where: { molecule: "HLX-204" }, select: { id: true } }),
    vendors: await tx.vendor.findMany({
      where: { isPublic: true, name: { in: PLACES.map(([n]) => n) } },
      select: { id: true, name: true },
    }),
  }));
  if (!found.programme) return;
  const programmeId = found.programme.id;
  const cards = new Map<string, { id: string; version: number }>();
  for (const [name, stage] of PLACES) {
    const vendor = found.vendors.find((v) => v.name === name);
    if (!vendor) continue;
    const org = { id: sponsor.id, slug: sponsor.slug, kind: "SPONSOR" as const, role: eva.role };
    const card = await withTenant(db, { orgId: sponsor.id, userId: eva.actor.id }, async (tx) => {
      const added = await addToShortlist(tx, eva.actor, org, { programmeId, vendorId: vendor.id });
      if (stage === "LONG") return added;
      return moveOnShortlist(tx, eva.actor, org, {
        entryId: added.id,
        stage,
        position: cards.size, // past the end: last in the column
        version: added.version,
      });
    });
    cards.set(name, card);
  }

  const vote = (p: typeof eva, name: string, value: 1 | -1) =>
    withTenant(db, { orgId: sponsor.id, userId: p.actor.id }, (tx) =>
      voteOnShortlist(
        tx,
        p.actor,
        { id: sponsor.id, slug: sponsor.slug, kind: "SPONSOR", role: p.role },
        {
          entryId: cards.get(name)!.id,
          value,
        },
      ),
    );
  await vote(eva, "Northbridge Biologics", 1);
  await vote(olivia, "Northbridge Biologics", 1);
  await vote(eva, "Aldermoor Biologics", 1);
  await vote(adam, "Incheon BioLogix", -1);

  const comment = (p: typeof eva, body: string, parentId: string | null = null) =>
    withTenant(db, { orgId: sponsor.id, userId: p.actor.id }, (tx) =>
      commentOnShortlist(
        tx,
        p.actor,
        { id: sponsor.id, slug: sponsor.slug, kind: "SPONSOR", role: p.role },
        {
          entryId: cards.get("Aldermoor Biologics")!.id,
          body,
          parentId,
        },
      ),
    );
  const first = await comment(
    eva,
    `${mentionToken({ id: adam.actor.id, name: adam.name })} their 2,000 L train had a 483 at the last FDA inspection. Can QA confirm it is closed before we select them?`,
  );
  await comment(adam, "Checked with QA: closed out, classified VAI. Fine to keep them on the shortlist.", first.id);
}
