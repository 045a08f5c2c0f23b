import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../db/generated/client";
import { insertOrganization, slugsStartingWith } from "../db/globals";
import { withTenant, type TenantDb } from "../db/tenant";
import { recordAudit, type Actor } from "../audit/record-audit";
import { RESERVED_SLUGS, slugify } from "./slug";
import type { OrgKind } from "../api/roles";

/** A slug not yet taken: the name's slug, then -2, -3 ... */
async function freeSlug(db: TenantDb | PrismaClient, name: string): Promise<string> {
  const base = slugify(name);
  const used = new Set(await slugsStartingWith(db, base));
  if (!used.has(base) && !RESERVED_SLUGS.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * Create an organisation with `userId` as its OWNER, in one transaction with its audit
 * entries. `before` runs first in the same transaction (sign-up creates the user there).
 */
export async function createOrganization(
  base: PrismaClient,
  input: { name: string; kind: OrgKind; userId: string; actor: Actor; before?: (db: TenantDb) => Promise<void> },
): Promise<{ id: string; slug: string }> {
  const orgId = randomUUID();
  return withTenant(base, { orgId, userId: input.userId }, async (db) => {
    if (input.before) await input.before(db);
    const slug = await freeSlug(db, input.name);
    await insertOrganization(db, { id: orgId, slug, name: input.name, kind: input.kind });
    const m = await db.membership.create({ data: { userId: input.userId, role: "OWNER" } });
    await recordAudit(db, {
      actor: input.actor,
      action: "organization.created",
      entityType: "Organization",
      entityId: orgId,
      changes: { name: { old: null, new: input.name }, kind: { old: null, new: input.kind } },
    });
    await recordAudit(db, {
      actor: input.actor,
      action: "membership.created",
      entityType: "Membership",
      entityId: m.id,
      changes: { userId: { old: null, new: input.userId }, role: { old: null, new: "OWNER" } },
    });
    return { id: orgId, slug };
  });
}
