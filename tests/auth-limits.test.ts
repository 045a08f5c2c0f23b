import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { limitCredentialsSignIn } from "@/server/auth/credentials-sign-in";
import { verifyCredentials } from "@/server/auth/options";
import { closeLimiterStores } from "@/server/db/rate-limit-store";
import { resetEnvForTests } from "@/server/env";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { makeUser, TEST_PASSWORD } from "./helpers/actors";

// The sign-in limits as the auth route applies them: every request goes through
// limitCredentialsSignIn; next-auth's part (the password check and the session cookie) is
// stood in for by verifyCredentials, the function next-auth's authorize() calls.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await closeLimiterStores();
  await t?.drop();
});
afterEach(() => {
  delete process.env.TRUSTED_PROXIES;
  resetEnvForTests();
});

/** The body as next-auth 4 reads it (next-auth/next/utils.js getBody): JSON, or a form whose last repeated field wins. */
async function nextAuthBody(req: Request): Promise<Record<string, unknown> | undefined> {
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/json")) return (await req.json()) as Record<string, unknown>;
  if (type.includes("application/x-www-form-urlencoded"))
    return Object.fromEntries(new URLSearchParams(await req.text()));
  return undefined;
}

async function nextAuthStandIn(req: Request): Promise<Response> {
  const body = await nextAuthBody(req);
  const user = await verifyCredentials({ email: body?.email, password: body?.password });
  if (!user)
    return Response.json({ url: "http://localhost:3000/api/auth/error?error=CredentialsSignin" }, { status: 401 });
  return Response.json(
    { url: "http://localhost:3000/" },
    { headers: { "Set-Cookie": `next-auth.session-token=${user.sessionId}; Path=/; HttpOnly` } },
  );
}

// Fresh addresses per run: with REDIS_URL the counters outlive the test database.
const net = `${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const addr = (n: number) => `198.${net}.${n}`;

type Attempt = { email: string; password: string; peer?: string; xff?: string; cookie?: string };

function signIn(a: Attempt, body?: { type: string; text: string }): Promise<Response> {
  const headers = new Headers({
    "content-type": body?.type ?? "application/x-www-form-urlencoded",
    "x-cdmo-peer-addr": a.peer ?? addr(9),
  });
  if (a.xff) headers.set("x-forwarded-for", a.xff);
  if (a.cookie) headers.set("cookie", a.cookie);
  const text =
    body?.text ??
    new URLSearchParams({ email: a.email, password: a.password, csrfToken: "x", json: "true" }).toString();
  return limitCredentialsSignIn(
    new Request("http://localhost:3000/api/auth/callback/credentials", { method: "POST", headers, body: text }),
    nextAuthStandIn,
  );
}

const deviceCookie = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith("cdmo-device="))
    ?.split(";")[0];

async function failTimes(n: number, a: Omit<Attempt, "password">) {
  for (let i = 0; i < n; i++)
    expect((await signIn({ ...a, password: `wrong-${i}` })).status, `attempt ${i + 1}`).toBe(401);
}

describe(`sign-in limits (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("answers the 11th bad password with 429 and Retry-After, the same for an unknown account", async () => {
    const u = await makeUser("hammered");
    const answers: { status: number; retry: string | null; body: string }[] = [];
    for (const email of [u.email, `nobody-${net}@test.example`]) {
      await failTimes(10, { email, peer: addr(10) });
      const res = await signIn({ email, password: "wrong-again", peer: addr(10) });
      answers.push({ status: res.status, retry: res.headers.get("retry-after"), body: await res.text() });
    }
    for (const a of answers) {
      expect(a.status).toBe(429);
      expect(Number(a.retry)).toBeGreaterThan(0);
      expect(Number(a.retry)).toBeLessThanOrEqual(15 * 60);
      expect(decodeURIComponent(a.body)).toMatch(/Too many attempts, try again in 1[45] minutes/);
    }
    // No hint whether the account exists: identical answers.
    expect(answers[0]!.body).toBe(answers[1]!.body);
    // The right password is refused too while the limit holds (from a browser it does not know).
    expect((await signIn({ email: u.email, password: TEST_PASSWORD, peer: addr(10) })).status).toBe(429);
  });

  it("lets the right password in from a known device while the account is locked, and limits that device", async () => {
    const u = await makeUser("owner");
    const first = await signIn({ email: u.email, password: TEST_PASSWORD, peer: addr(20) });
    expect(first.status).toBe(200);
    const cookie = deviceCookie(first);
    expect(cookie).toBeDefined();
    // Someone on the same network hammers the account until it is locked.
    await failTimes(10, { email: u.email, peer: addr(20) });
    expect((await signIn({ email: u.email, password: "guess", peer: addr(20) })).status).toBe(429);
    // The owner's browser still gets in.
    const owner = await signIn({ email: u.email, password: TEST_PASSWORD, peer: addr(20), cookie });
    expect(owner.status).toBe(200);
    expect(owner.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="))).toBe(true);
    // A device cookie is bound to its account and cannot be made up.
    const other = await makeUser("other");
    await failTimes(10, { email: other.email, peer: addr(20) });
    expect((await signIn({ email: other.email, password: TEST_PASSWORD, peer: addr(20), cookie })).status).toBe(429);
    expect(
      (
        await signIn({
          email: u.email,
          password: TEST_PASSWORD,
          peer: addr(20),
          cookie: "cdmo-device=AAAAAAAAAAAAAAAAAAAAAAAA.forged",
        })
      ).status,
    ).toBe(429);
    // The device itself is limited: ten wrong passwords from it, then 429 even for it.
    await failTimes(10, { email: u.email, peer: addr(20), cookie });
    expect((await signIn({ email: u.email, password: TEST_PASSWORD, peer: addr(20), cookie })).status).toBe(429);
  });

  it("does not reset the limit when an untrusted client rotates X-Forwarded-For", async () => {
    const u = await makeUser("rotated");
    for (let i = 0; i < 10; i++) {
      const res = await signIn({
        email: u.email,
        password: `wrong-${i}`,
        peer: addr(50),
        xff: `10.0.${i}.1, 192.0.2.${i + 1}`,
      });
      expect(res.status).toBe(401);
    }
    const res = await signIn({ email: u.email, password: "wrong", peer: addr(50), xff: "10.9.9.9, 192.0.2.99" });
    expect(res.status).toBe(429);
  });

  it("believes X-Forwarded-For from a configured proxy", async () => {
    process.env.TRUSTED_PROXIES = "10.0.0.0/8";
    resetEnvForTests();
    const u = await makeUser("proxied");
    // Ten clients behind the proxy each fail once more than the limit allows one client.
    await failTimes(10, { email: u.email, peer: "10.0.0.2", xff: addr(77) });
    expect((await signIn({ email: u.email, password: "x", peer: "10.0.0.2", xff: addr(77) })).status).toBe(429);
    // Another client behind the same proxy is a different address.
    expect((await signIn({ email: u.email, password: TEST_PASSWORD, peer: "10.0.0.2", xff: addr(78) })).status).toBe(
      200,
    );
  });

  it("counts a JSON body, which next-auth also accepts, against the same limits", async () => {
    const u = await makeUser("json");
    const json = (password: string) => ({
      type: "application/json",
      text: JSON.stringify({ email: u.email, password, csrfToken: "x", json: "true" }),
    });
    for (let i = 0; i < 10; i++)
      expect((await signIn({ email: u.email, password: "", peer: addr(90) }, json(`wrong-${i}`))).status).toBe(401);
    const res = await signIn({ email: u.email, password: "", peer: addr(90) }, json("wrong-again"));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("signs in to no account but the one a repeated e-mail field was counted for", async () => {
    const u = await makeUser("repeated");
    await failTimes(10, { email: u.email, peer: addr(91) });
    expect((await signIn({ email: u.email, password: TEST_PASSWORD, peer: addr(91) })).status).toBe(429);
    // A fresh decoy address first, the locked account last: the limits must not count one and next-auth check the other.
    const form = new URLSearchParams([
      ["email", `decoy-${net}@test.example`],
      ["email", u.email],
      ["password", TEST_PASSWORD],
      ["csrfToken", "x"],
      ["json", "true"],
    ]);
    const res = await signIn(
      { email: u.email, password: "", peer: addr(91) },
      { type: "application/x-www-form-urlencoded", text: form.toString() },
    );
    expect(res.status).not.toBe(200);
    expect(res.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="))).toBe(false);
  });
});
