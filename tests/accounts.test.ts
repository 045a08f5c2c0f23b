import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { credentialsByEmail } from "@/server/db/credentials";
import { userByEmail } from "@/server/db/globals";
import { withOutboxAccess } from "@/server/db/outbox";
import { resolveAuthSession } from "@/server/auth/sessions";
import { hashToken } from "@/server/accounts/tokens";
import { withAuthScope } from "@/server/db/auth-scope";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { callerFor, makeUser, TEST_PASSWORD } from "./helpers/actors";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.drop());

describe(`accounts (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("signs up a user with a new organisation they own, once they follow the e-mailed link", async () => {
    const res = await callerFor(null).account.signUp({
      name: "Sam Sponsor",
      email: "Sam@Sponsor.example",
      password: "cold-chain-shipper-44",
      organizationName: "Sam's Bio, Inc.",
      organizationKind: "SPONSOR",
    });
    expect(res).toEqual({ ok: true });
    const db = await getDb();
    // Nothing exists until the address is proven.
    expect(await userByEmail(db, "sam@sponsor.example")).toBeNull();
    const mail = await withOutboxAccess(db, (tx) =>
      tx.emailOutbox.findFirstOrThrow({ where: { to: "sam@sponsor.example" } }),
    );
    const token = /signup\/confirm\?token=([\w-]+)/.exec(mail.text)![1]!;
    const done = await callerFor(null).account.confirmSignUp({ token });
    expect(done).toEqual({ orgSlug: "sam-s-bio-inc", email: "sam@sponsor.example" });
    const found = await userByEmail(db, "sam@sponsor.example");
    const user = { id: found!.id, email: "sam@sponsor.example", name: found!.name };
    expect(user.name).toBe("Sam Sponsor");
    expect((await credentialsByEmail(db, "sam@sponsor.example"))?.passwordHash.startsWith("$argon2id$")).toBe(true);
    const me = await callerFor({ id: user.id, email: user.email, name: user.name, sessionId: "x" }).account.me();
    expect(me.organizations).toEqual([
      { slug: "sam-s-bio-inc", name: "Sam's Bio, Inc.", kind: "SPONSOR", role: "OWNER" },
    ]);
    // The link works once.
    await expect(callerFor(null).account.confirmSignUp({ token })).rejects.toSatisfy(
      (e: unknown) => e instanceof TRPCError && e.code === "BAD_REQUEST",
    );
  });

  it("refuses short and common passwords with a message naming the field", async () => {
    for (const password of ["short-pw", "password1234", "qwertyuiop123"]) {
      const err = await callerFor(null)
        .account.signUp({
          name: "X",
          email: `x${password.length}@test.example`,
          password,
          organizationName: "X Org",
          organizationKind: "CDMO",
        })
        .catch((e) => e);
      expect(err).toBeInstanceOf(TRPCError);
      expect(err.code).toBe("BAD_REQUEST");
      expect(err.message).toMatch(/^Password: /);
    }
  });

  it("answers a sign-up for an existing address exactly as for a new one, and tells the owner instead", async () => {
    const u = await makeUser("dup");
    const input = {
      name: "X",
      password: "cold-chain-shipper-44",
      organizationName: "Dup Org",
      organizationKind: "CDMO" as const,
    };
    const existing = await callerFor(null).account.signUp({ ...input, email: u.email });
    const fresh = await callerFor(null).account.signUp({ ...input, email: "brand-new-dup@test.example" });
    expect(existing).toEqual(fresh);
    const db = await getDb();
    // The existing user learns someone tried, with a way back in; no second account, no confirm link.
    const notice = await withOutboxAccess(db, (tx) => tx.emailOutbox.findFirstOrThrow({ where: { to: u.email } }));
    expect(notice.text).toMatch(/tried to create a CDMO Select account with this address/);
    expect(notice.text).toMatch(/reset-password\?token=[\w-]+/);
    expect(notice.text).not.toMatch(/signup\/confirm/);
    expect((await userByEmail(db, u.email))?.id).toBe(u.id); // e-mail is unique: the same, only account
    // Reset tokens are readable only by their hash (row-level security): the e-mailed one is stored, for this user.
    const token = /reset-password\?token=([\w-]+)/.exec(notice.text)![1]!;
    expect(
      await withAuthScope(db, { resetTokenHash: hashToken(token) }, (tx) =>
        tx.passwordResetToken.count({ where: { userId: u.id } }),
      ),
    ).toBe(1);
  });

  it("resets a password through the e-mailed link, once, and signs out every session", async () => {
    const u = await makeUser("forgetful");
    expect(await resolveAuthSession(u.sessionId)).not.toBeNull();
    await callerFor(null).account.requestPasswordReset({ email: u.email });
    // Unknown addresses get the same answer and no e-mail.
    await expect(callerFor(null).account.requestPasswordReset({ email: "nobody@test.example" })).resolves.toEqual({
      ok: true,
    });
    const db = await getDb();
    // The app alone reads nothing from the outbox; the outbox's own path does.
    expect(await db.emailOutbox.count({ where: { to: u.email } })).toBe(0);
    const mail = await withOutboxAccess(db, (tx) => tx.emailOutbox.findFirstOrThrow({ where: { to: u.email } }));
    const token = /reset-password\?token=([\w-]+)/.exec(mail.text)![1]!;
    await callerFor(null).account.resetPassword({ token, password: "new-lyo-cycle-password" });
    expect(await resolveAuthSession(u.sessionId)).toBeNull();
    await expect(callerFor(null).account.resetPassword({ token, password: "another-lyo-password" })).rejects.toSatisfy(
      (e: unknown) => e instanceof TRPCError && e.code === "BAD_REQUEST",
    );
    expect(await withOutboxAccess(db, (tx) => tx.emailOutbox.count({ where: { to: "nobody@test.example" } }))).toBe(0);
  });

  it("changing the password makes old sessions useless", async () => {
    const u = await makeUser("changer");
    await expect(
      callerFor(u).account.changePassword({
        currentPassword: "wrong-one-entirely",
        newPassword: "fresh-media-prep-91",
      }),
    ).rejects.toSatisfy((e: unknown) => e instanceof TRPCError && e.code === "BAD_REQUEST");
    await callerFor(u).account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "fresh-media-prep-91" });
    expect(await resolveAuthSession(u.sessionId)).toBeNull();
  });

  it("limits change-password attempts per user (429 once five have been made)", async () => {
    const u = await makeUser("guesser");
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const err = await callerFor(u)
        .account.changePassword({ currentPassword: `guess-number-${i}`, newPassword: "fresh-media-prep-91" })
        .catch((e) => e);
      codes.push(err.code);
    }
    expect(codes).toEqual([
      "BAD_REQUEST",
      "BAD_REQUEST",
      "BAD_REQUEST",
      "BAD_REQUEST",
      "BAD_REQUEST",
      "TOO_MANY_REQUESTS",
    ]);
    // Even the right password waits now.
    const err = await callerFor(u)
      .account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "fresh-media-prep-91" })
      .catch((e) => e);
    expect(err.code).toBe("TOO_MANY_REQUESTS");
    expect(err.message).toMatch(/Too many attempts, try again in \d+ minutes?/);
  });
});
