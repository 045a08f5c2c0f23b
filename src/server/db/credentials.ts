import type { PrismaClient } from "./generated/client";

// The only way the application reads a password hash: the app role has no SELECT on
// "User"."passwordHash" (src/server/db/grants.ts); these call the SECURITY DEFINER functions of
// the password_hashes_unreadable migration. Everything else selects users without the hash.

type Runner = Pick<PrismaClient, "$queryRaw">;

export type Credentials = { id: string; email: string; name: string; passwordHash: string };

/** The account with this e-mail and its hash, for sign-in; null when there is none. */
export async function credentialsByEmail(db: Runner, email: string): Promise<Credentials | null> {
  const rows = await db.$queryRaw<
    Credentials[]
  >`SELECT id, email, name, "passwordHash" FROM auth_credentials(${email})`;
  return rows[0] ?? null;
}

/** The user's current hash, to check the current password before changing it; null when unknown. */
export async function passwordHashOf(db: Runner, userId: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ h: string | null }[]>`SELECT auth_password_hash(${userId}) AS h`;
  return rows[0]?.h ?? null;
}
