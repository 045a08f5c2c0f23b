import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthSession, resolveAuthSession, SESSION_IDLE_SECONDS } from "@/server/auth/sessions";
import { createTestDb, testDbKind, type TestDb } from "./helpers/test-db";
import { addMember, callerFor, makeOrg, makeUser, type TestUser } from "./helpers/actors";

// Sessions end after 30 days, or after 12 hours unused; a user sees where they are signed in and
// can sign any other session out, or all of them; another user's session id does nothing. A
// member removed or demoted loses the access at their very next request (membership and role are
// read on every request, not kept in the session).

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.drop());

const HOUR = 3_600_000;
const second = async (u: TestUser) => ({
  ...u,
  sessionId: await createAuthSession(u.id, "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"),
});

describe(`sessions (${testDbKind()})`, () => {
  it("ends after 12 hours unused, stays alive while used, and ends after 30 days regardless", async () => {
    const u = await makeUser("idle");
    const start = Date.now();
    expect(await resolveAuthSession(u.sessionId, new Date(start + SESSION_IDLE_SECONDS * 1000 + 60_000))).toBeNull();
    // Used every 10 hours: each use moves the idle clock on.
    for (let h = 10; h <= 50; h += 10)
      expect(await resolveAuthSession(u.sessionId, new Date(start + h * HOUR))).not.toBeNull();
    expect(await resolveAuthSession(u.sessionId, new Date(start + 31 * 24 * HOUR))).toBeNull();
  });

  it("lists the user's sessions with this one marked, signs one out, then every other", async () => {
    const me = await makeUser("many");
    const laptop = await second(me);
    const phone = await second(me);
    const list = await callerFor(me).account.sessions();
    expect(list.map((s) => s.id).sort()).toEqual([me.sessionId, laptop.sessionId, phone.sessionId].sort());
    expect(list.filter((s) => s.current).map((s) => s.id)).toEqual([me.sessionId]);
    expect(list.find((s) => s.id === laptop.sessionId)!.userAgent).toMatch(/Firefox/);

    expect(await callerFor(me).account.revokeSession({ sessionId: laptop.sessionId })).toEqual({ revoked: 1 });
    expect(await resolveAuthSession(laptop.sessionId)).toBeNull();
    expect(await resolveAuthSession(phone.sessionId)).not.toBeNull();

    expect(await callerFor(me).account.signOutOthers()).toEqual({ revoked: 1 });
    expect(await resolveAuthSession(phone.sessionId)).toBeNull();
    expect(await resolveAuthSession(me.sessionId)).not.toBeNull();
    expect((await callerFor(me).account.sessions()).map((s) => s.id)).toEqual([me.sessionId]);
  });

  it("another user's session id signs nobody out and shows nothing", async () => {
    const victim = await makeUser("victim");
    const mallory = await makeUser("mallory");
    expect(await callerFor(mallory).account.revokeSession({ sessionId: victim.sessionId })).toEqual({ revoked: 0 });
    expect(await resolveAuthSession(victim.sessionId)).not.toBeNull();
    expect((await callerFor(mallory).account.sessions()).map((s) => s.id)).toEqual([mallory.sessionId]);
  });

  it("a member removed or demoted loses the access at their next request", async () => {
    const owner = await makeUser("sess-owner");
    const org = await makeOrg("SPONSOR", owner);
    const member = await makeUser("sess-member");
    const m = await addMember(org.id, member, "ADMIN");
    expect((await callerFor(member).organization.current({ orgSlug: org.slug })).role).toBe("ADMIN");
    await callerFor(owner).members.changeRole({
      orgSlug: org.slug,
      membershipId: m.id,
      role: "VIEWER",
      version: m.version,
    });
    expect((await callerFor(member).organization.current({ orgSlug: org.slug })).role).toBe("VIEWER");
    const invite = callerFor(member).members.invite({ orgSlug: org.slug, email: "x@test.example", role: "VIEWER" });
    await expect(invite).rejects.toSatisfy((e) => e instanceof TRPCError && e.code === "FORBIDDEN");
    await callerFor(owner).members.remove({ orgSlug: org.slug, membershipId: m.id, version: m.version + 1 });
    const gone = callerFor(member).organization.current({ orgSlug: org.slug });
    await expect(gone).rejects.toSatisfy((e) => e instanceof TRPCError && e.code === "NOT_FOUND");
  });
});
