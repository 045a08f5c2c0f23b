import { randomUUID } from "node:crypto";
import { createCaller } from "@/server/api/root";
import { log } from "@/server/log";
import { hashPassword } from "@/server/auth/password";
import { createAuthSession } from "@/server/auth/sessions";
import { getDb } from "@/server/db/client";
import { insertUser } from "@/server/db/globals";
import { withTenant } from "@/server/db/tenant";
import { createOrganization } from "@/server/orgs/create-organization";
import type { OrgKind, Role } from "@/server/api/roles";

export const TEST_PASSWORD = "correct-vial-stopper-42";
let hashed: Promise<string> | undefined;

export type TestUser = { id: string; email: string; name: string; sessionId: string };

export async function makeUser(label: string): Promise<TestUser> {
  const db = await getDb();
  hashed ??= hashPassword(TEST_PASSWORD);
  const email = `${label}-${randomUUID().slice(0, 8)}@test.example`;
  // "User" is under row-level security: a user is inserted with app.user_id set to it.
  const u = { id: randomUUID() };
  const passwordHash = await hashed;
  await withTenant(db, { orgId: "", userId: u.id }, (tx) =>
    insertUser(tx, { id: u.id, email, name: label, passwordHash }),
  );
  const sessionId = await createAuthSession(u.id);
  return { id: u.id, email, name: label, sessionId };
}

export async function makeOrg(kind: OrgKind, owner: TestUser, name = `${kind} ${randomUUID().slice(0, 6)}`) {
  return createOrganization(await getDb(), { name, kind, userId: owner.id, actor: owner });
}

export async function addMember(orgId: string, user: TestUser, role: Role) {
  return withTenant(await getDb(), { orgId }, (db) => db.membership.create({ data: { userId: user.id, role } }));
}

export const callerFor = (user: TestUser | null) => {
  const requestId = randomUUID();
  return createCaller({ user, ip: `test-${randomUUID()}`, requestId, log: log.child({ requestId }) });
};
