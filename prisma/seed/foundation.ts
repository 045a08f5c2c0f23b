import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../src/server/db/generated/client";
import { insertUser } from "../../src/server/db/globals";
import { hashPassword } from "../../src/server/auth/password";
import { createOrganization } from "../../src/server/orgs/create-organization";
import { withTenant } from "../../src/server/db/tenant";
import { recordAudit } from "../../src/server/audit/record-audit";
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_USERS } from "./demo-accounts";

/** Demo organisations and their members, created through the same services the app uses. */
export async function seedFoundation(db: PrismaClient): Promise<Record<string, { id: string; slug: string }>> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = new Map<string, string>();
  for (const u of DEMO_USERS) {
    // "User" is under row-level security: a user is inserted with app.user_id set to it.
    const id = randomUUID();
    await withTenant(db, { orgId: "", userId: id }, (tx) =>
      insertUser(tx, { id, email: u.email, name: u.name, passwordHash }),
    );
    users.set(u.email, id);
  }
  const orgs: Record<string, { id: string; slug: string }> = {};
  for (const o of DEMO_ORGS) {
    const owner = DEMO_USERS.find((u) => u.org === o.key && u.role === "OWNER")!;
    const ownerId = users.get(owner.email)!;
    orgs[o.key] = await createOrganization(db, {
      name: o.name,
      kind: o.kind,
      userId: ownerId,
      actor: { id: ownerId, email: owner.email },
    });
    await withTenant(db, { orgId: orgs[o.key]!.id }, async (tx) => {
      for (const u of DEMO_USERS.filter((x) => x.org === o.key && x.role !== "OWNER")) {
        const m = await tx.membership.create({ data: { userId: users.get(u.email)!, role: u.role } });
        await recordAudit(tx, {
          actor: { id: ownerId, email: owner.email },
          action: "membership.created",
          entityType: "Membership",
          entityId: m.id,
          changes: { userId: { old: null, new: m.userId }, role: { old: null, new: u.role } },
          reason: "Demo data",
        });
      }
    });
  }
  return orgs;
}
