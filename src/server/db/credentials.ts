import type { PrismaClient } from "./generated/client";
import { fullClientOf, type TenantDb } from "./tenant-db";

// The only way the application reads a password hash: the app role has no SELECT on
// "User"."passwordHash" (src/server/db/grants.ts); these call the SECURITY DEFINER functions of
// the password_hashes_unreadable migration. Everything else selects users without the hash.
// Pending sign-ups (and their hashes) are not readable at all: claimSignUp is the only way.

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

export type ClaimedSignUp = {
  email: string;
  name: string;
  passwordHash: string;
  organizationName: string;
  organizationKind: "SPONSOR" | "CDMO";
};

/**
 * The pending sign-up with this token hash, marked used in the same statement; null when there
 * is none, it was used or it has expired. The app role may only INSERT sign-up requests; this
 * calls the SECURITY DEFINER function of the auth_rows_are_not_readable_by_mistake migration.
 */
export async function claimSignUp(db: Runner, tokenHash: string): Promise<ClaimedSignUp | null> {
  const rows = await db.$queryRaw<ClaimedSignUp[]>`
    SELECT email, name, "passwordHash", "organizationName", "organizationKind" FROM auth_claim_sign_up(${tokenHash})`;
  return rows[0] ?? null;
}

/**
 * The user's current hash, read in the caller's tenant transaction: re-entering the password to
 * sign a decision happens inside the procedure's transaction, and a second connection would wait
 * on it (the embedded database has one).
 */
export const passwordHashInTenant = (db: TenantDb, userId: string): Promise<string | null> =>
  passwordHashOf(fullClientOf(db), userId);
