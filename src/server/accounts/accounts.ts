import { randomUUID } from "node:crypto";
import { getDb } from "../db/client";
import { withAuthScope } from "../db/auth-scope";
import { insertUser, userByEmail } from "../db/globals";
import { claimSignUp, passwordHashOf } from "../db/credentials";
import { AppError } from "../errors/app-error";
import { hashPassword, passwordWeakness, verifyPassword } from "../auth/password";
import { consume, take } from "../auth/rate-limit";
import { revokeAllSessions } from "../auth/sessions";
import { appUrl, sendEmail } from "../email/send-email";
import { createOrganization } from "../orgs/create-organization";
import { acceptInvitation, getInvitation } from "../members/invitations";
import type { TSignUpInput } from "./schemas";
import { hashToken, newToken } from "./tokens";

const RESET_TTL_MS = 60 * 60 * 1000;
const SIGN_UP_TTL_MS = 24 * 60 * 60 * 1000;

function checkStrength(password: string, email: string, field: string) {
  const why = passwordWeakness(password, { email });
  if (why) throw new AppError("BAD_REQUEST", why, { field });
}

/**
 * Sign-up answers the same for every address, so the form does not reveal who has an
 * account: a new address gets a link that creates the account and its organisation
 * (confirmSignUp); an address that already has an account gets a message saying someone
 * tried, with a password-reset link. Both paths hash the password, so they take as long.
 */
export async function signUp(input: TSignUpInput, ip: string): Promise<{ ok: true }> {
  await consume("signUp", ip);
  checkStrength(input.password, input.email, "password");
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  const existing = await userByEmail(db, input.email);
  if (existing) {
    // At most a few such messages a day, so the form cannot be used to flood someone's inbox.
    if ((await take("signUpNotice", input.email)).ok) await sendSignUpNotice(existing, input.email, input.next);
    return { ok: true };
  }
  if (!(await take("signUpNotice", input.email)).ok) return { ok: true };
  const { token, hash } = newToken();
  const next = input.next ? `&next=${encodeURIComponent(input.next)}` : "";
  // createMany: an INSERT without RETURNING, since the app may write sign-up requests but not read them.
  await db.signUpRequest.createMany({
    data: [
      {
        tokenHash: hash,
        email: input.email,
        name: input.name,
        passwordHash,
        organizationName: input.organizationName,
        organizationKind: input.organizationKind,
        expiresAt: new Date(Date.now() + SIGN_UP_TTL_MS),
      },
    ],
  });
  await sendEmail({
    to: input.email,
    subject: "Confirm your CDMO Select account",
    text: `Hello ${input.name},\n\nTo create your CDMO Select account and the organisation "${input.organizationName}", open:\n${appUrl(`/signup/confirm?token=${token}${next}`)}\n\nThe link works once, for 24 hours. If you did not sign up, ignore this message.`,
  });
  return { ok: true };
}

async function sendSignUpNotice(user: { id: string; name: string }, email: string, next?: string) {
  const { token, hash } = newToken();
  await storeResetToken(user.id, hash);
  await sendEmail({
    to: email,
    subject: "Someone tried to sign up with your address",
    text: `Hello ${user.name},\n\nSomeone tried to create a CDMO Select account with this address, which already has one. If it was you, sign in at ${appUrl(next ? `/login?callbackUrl=${encodeURIComponent(next)}` : "/login")}, or choose a new password here (the link works once, for one hour):\n${appUrl(`/reset-password?token=${token}`)}\n\nIf it was not you, ignore this message: nothing has changed.`,
  });
}

/** Reset tokens are under row-level security keyed on their hash (db/auth-scope.ts). */
async function storeResetToken(userId: string, tokenHash: string): Promise<void> {
  await withAuthScope(await getDb(), { resetTokenHash: tokenHash }, (tx) =>
    tx.passwordResetToken.create({
      data: { userId, tokenHash, expiresAt: new Date(Date.now() + RESET_TTL_MS) },
      select: { id: true },
    }),
  );
}

/** The e-mailed link: create the account and its organisation (the user is its OWNER). */
export async function confirmSignUp(token: string): Promise<{ orgSlug: string; email: string }> {
  const base = await getDb();
  // Marks the request used and returns it, once, unexpired (the app cannot read requests otherwise).
  const req = await claimSignUp(base, hashToken(token));
  if (!req) {
    throw new AppError("BAD_REQUEST", "This link has expired or was already used. Sign up again.", { field: "token" });
  }
  if (await userByEmail(base, req.email)) {
    throw new AppError("CONFLICT", "This address already has an account. Sign in instead.");
  }
  const userId = randomUUID();
  const org = await createOrganization(base, {
    name: req.organizationName,
    kind: req.organizationKind,
    userId,
    actor: { id: userId, email: req.email },
    before: async (db) => {
      await insertUser(db, { id: userId, email: req.email, name: req.name, passwordHash: req.passwordHash });
    },
  });
  return { orgSlug: org.slug, email: req.email };
}

/** Always answers the same way, so the form does not reveal which e-mails have accounts. */
export async function requestPasswordReset(email: string): Promise<void> {
  await consume("passwordReset", email);
  const db = await getDb();
  const user = await userByEmail(db, email);
  if (!user) return;
  const { token, hash } = newToken();
  await storeResetToken(user.id, hash);
  const link = appUrl(`/reset-password?token=${token}`);
  await sendEmail({
    to: email,
    subject: "Reset your CDMO Select password",
    text: `Hello ${user.name},\n\nSomeone asked to reset the password of this account. To choose a new one, open:\n${link}\n\nThe link works once, for one hour. If it was not you, ignore this message.`,
  });
}

export async function resetPassword(token: string, password: string): Promise<void> {
  const db = await getDb();
  const tokenHash = hashToken(token);
  const expired = () =>
    new AppError("BAD_REQUEST", "This reset link has expired or was already used. Ask for a new one.", {
      field: "token",
    });
  const row = await withAuthScope(db, { resetTokenHash: tokenHash }, (tx) =>
    tx.passwordResetToken.findUnique({
      where: { tokenHash },
      select: { id: true, userId: true, usedAt: true, expiresAt: true, user: { select: { email: true } } },
    }),
  );
  if (!row || row.usedAt || row.expiresAt < new Date()) throw expired();
  checkStrength(password, row.user.email, "password");
  const passwordHash = await hashPassword(password);
  // The token, the password and the user's sessions, in one transaction scoped to them.
  await withAuthScope(db, { resetTokenHash: tokenHash, userId: row.userId }, async (tx) => {
    const used = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) throw expired();
    await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, passwordChangedAt: new Date() },
      select: { id: true },
    });
    await tx.authSession.deleteMany({ where: { userId: row.userId } });
  });
}

/** Changing the password signs out every session, this one included. */
export async function changePassword(userId: string, current: string, next: string): Promise<void> {
  // A stolen session must not be a password-guessing oracle for the current password.
  await consume("changePassword", userId);
  const db = await getDb();
  // "User" is under row-level security: the user's own row is reached with app.user_id set.
  const user = await withAuthScope(db, { userId }, (tx) =>
    tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } }),
  );
  if (!(await verifyPassword((await passwordHashOf(db, userId)) ?? "", current))) {
    throw new AppError("BAD_REQUEST", "The current password is not right.", { field: "currentPassword" });
  }
  checkStrength(next, user.email, "newPassword");
  const passwordHash = await hashPassword(next);
  await withAuthScope(db, { userId }, (tx) =>
    tx.user.update({
      where: { id: userId },
      data: { passwordHash, passwordChangedAt: new Date() },
      select: { id: true },
    }),
  );
  await revokeAllSessions(userId);
}

/** Sign-up through an invitation: the new user joins the inviting organisation only. */
export async function signUpWithInvitation(
  input: { token: string; name: string; password: string },
  ip: string,
): Promise<{ orgSlug: string; email: string }> {
  await consume("signUp", ip);
  const base = await getDb();
  const view = await getInvitation(base, input.token);
  if (view.hasAccount) throw new AppError("CONFLICT", "You already have an account: sign in to accept the invitation.");
  checkStrength(input.password, view.email, "password");
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  const { orgSlug } = await acceptInvitation(base, input.token, { id, email: view.email }, async (db) => {
    await insertUser(db, { id, email: view.email, name: input.name, passwordHash });
  });
  return { orgSlug, email: view.email };
}
