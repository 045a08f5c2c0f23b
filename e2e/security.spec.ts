import os from "node:os";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { DEMO, SPONSOR_SLUG, login, unique } from "./helpers";
import { appRoutes } from "./routes";

// Security properties of the production server (the suite runs `npm start`).

function expectSecurityHeaders(res: APIResponse, what: string) {
  const h = res.headers();
  const csp = h["content-security-policy"] ?? "";
  expect(csp, `${what}: CSP`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "default-src 'self'"])
    expect(csp, `${what}: ${d}`).toContain(d);
  expect(csp, `${what}: no unsafe-eval in production`).not.toContain("unsafe-eval");
  expect(h["x-content-type-options"], `${what}: nosniff`).toBe("nosniff");
  expect(h["referrer-policy"], `${what}: Referrer-Policy`).toBe("strict-origin-when-cross-origin");
  // Served over plain http here: no HSTS (it belongs to https responses only).
  expect(h["strict-transport-security"], `${what}: HSTS over http`).toBeUndefined();
  // Every answer names its request, as its log lines do (src/server/http/request-id.ts).
  expect(h["x-request-id"], `${what}: X-Request-Id`).toMatch(/^[0-9a-f]{8}-[0-9a-f-]{27}$/);
  return /'nonce-([^']+)'/.exec(csp)![1]!;
}

test.describe("response headers", () => {
  test("a sane X-Request-Id from a proxy in front is kept, anything else replaced", async ({ request }) => {
    const kept = await request.get("/login", { headers: { "x-request-id": "nginx-0123456789abcdef" } });
    expect(kept.headers()["x-request-id"]).toBe("nginx-0123456789abcdef");
    const api = await request.get("/api/health", { headers: { "x-request-id": "nginx-0123456789abcdef" } });
    expect(api.headers()["x-request-id"]).toBe("nginx-0123456789abcdef");
    const replaced = await request.get("/login", { headers: { "x-request-id": "a b<script>" } });
    expect(replaced.headers()["x-request-id"]).toMatch(/^[0-9a-f]{8}-[0-9a-f-]{27}$/);
  });

  test("every page and API route answers with CSP (fresh nonce), nosniff, Referrer-Policy, no framing", async ({
    page,
    request,
  }) => {
    const routes = appRoutes();
    expect(routes.filter((r) => r.kind === "page").length).toBeGreaterThan(15);
    expect(routes.filter((r) => r.kind === "api").length).toBeGreaterThanOrEqual(2);
    await login(page, DEMO.sponsorOwner);
    const nonces = new Set<string>();
    for (const route of routes) {
      // Signed in (the browser's cookies), without following redirects, so each route's own answer is checked.
      const res = await page.request.get(route.url, { maxRedirects: 0 });
      expect(res.status(), `${route.url} (${route.file})`).toBeLessThan(500);
      const nonce = expectSecurityHeaders(res, `${route.url} (${route.file})`);
      expect(nonces.has(nonce), `${route.url}: nonce reused`).toBe(false);
      nonces.add(nonce);
      if (route.kind === "page" && res.status() === 200) {
        // Every script Next.js wrote into the HTML carries this response's nonce.
        const html = await res.text();
        const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
        expect(scripts.length, route.url).toBeGreaterThan(0);
        for (const tag of scripts) expect(tag, `${route.url}: ${tag}`).toContain(`nonce="${nonce}"`);
      }
    }
    // Without a session as well (sign-in pages, redirects, 401s): `request` has no cookies.
    for (const route of routes) {
      const res = await request.get(route.url, { maxRedirects: 0 });
      expectSecurityHeaders(res, `${route.url} (anonymous)`);
    }
  });

  test("pages run under the CSP: no violations while signing in and browsing", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      // Any console error counts: a blocked script, but also a resource that failed to load (a missing favicon).
      if (m.type() === "error" || /Content Security Policy|Refused to (execute|load|apply|evaluate)/i.test(m.text()))
        violations.push(`${page.url()}: ${m.text()}`);
    });
    // A violation that the page's code catches (zod's eval probe) logs nothing to the console; the event still fires.
    await page.exposeFunction("reportCspViolation", (v: string) => violations.push(`${page.url()}: ${v}`));
    await page.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(
          `${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
        ),
      ),
    );
    await login(page, DEMO.sponsorOwner);
    for (const url of [
      `/${SPONSOR_SLUG}`,
      `/${SPONSOR_SLUG}/vendors`,
      `/${SPONSOR_SLUG}/vendors/compare`,
      `/${SPONSOR_SLUG}/members`,
      `/${SPONSOR_SLUG}/audit`,
      "/account",
    ]) {
      await page.goto(url);
      await page.waitForLoadState("networkidle");
    }
    // Client-side behaviour works (hydrated): the user menu opens.
    await page.getByRole("button", { name: "User menu" }).click();
    await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test.describe("status codes", () => {
  test("an organisation you are not a member of answers 404, as does one that does not exist", async ({ page }) => {
    await login(page, DEMO.cdmoOwner);
    for (const url of [
      `/${SPONSOR_SLUG}`,
      `/${SPONSOR_SLUG}/vendors`,
      `/${SPONSOR_SLUG}/members`,
      "/no-such-organisation",
    ]) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
    }
  });
});

test.describe("sign-in", () => {
  async function attempt(request: APIRequestContext, email: string, password: string) {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    return request.post("/api/auth/callback/credentials", {
      form: { email, password, csrfToken, json: "true" },
      maxRedirects: 0,
    });
  }

  test("the 11th bad password answers 429 with Retry-After, and the form says when to retry", async ({
    page,
    request,
  }) => {
    const email = `${unique("nobody")}@sponsor.example`;
    for (let i = 0; i < 10; i++) expect((await attempt(request, email, `wrong-${i}`)).status()).toBe(401);
    const res = await attempt(request, email, "wrong-again");
    expect(res.status()).toBe(429);
    expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
    await page.goto("/login");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("still-wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText(/Too many attempts, try again in \d+ minutes?/)).toBeVisible();
  });

  test("a callbackUrl that leads off the site is ignored after sign-in", async ({ page }) => {
    await page.goto("/login?callbackUrl=%2F%09%2F127.0.0.1%3A3999%2Fpwned");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("E-mail").fill(DEMO.sponsorViewer);
    await page.getByLabel("Password", { exact: true }).fill("demo-Cdmo-select-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/\/login/);
    expect(new URL(page.url()).origin).toBe(new URL(test.info().project.use.baseURL!).origin);
    expect(new URL(page.url()).host).not.toBe("127.0.0.1:3999");
    expect(page.url()).not.toContain("pwned");
  });
});

test.describe("development outbox", () => {
  test("answers 404 to a client that is not on this machine", async () => {
    test.setTimeout(120_000);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === "IPv4" && !i.internal)?.address;
    expect(external, "this test needs a non-loopback IPv4 interface").toBeTruthy();
    // A second server on every interface, from the same build, with the outbox switched on.
    const port = Number(process.env.E2E_PORT ?? 3100) + 1000;
    const env = {
      ...process.env,
      HOST: "0.0.0.0",
      PORT: String(port),
      ENABLE_DEV_OUTBOX: "1",
      SMTP_URL: "",
      DATABASE_URL: "",
      QUALITY_REFRESH: "off",
      NEXTAUTH_SECRET: "outbox-test-secret-0123456789",
      NEXTAUTH_URL: `http://localhost:${port}`,
      PGLITE_DATA_DIR: path.join(process.cwd(), ".data", `e2e-outbox-${Date.now()}`),
    };
    const migrate = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/db-migrate.ts"], {
      env,
      encoding: "utf8",
    });
    expect(migrate.status, migrate.stderr).toBe(0);
    const server = spawn(process.execPath, ["scripts/server.mjs"], { env, stdio: "pipe" });
    let output = "";
    server.stdout!.on("data", (c) => (output += String(c)));
    server.stderr!.on("data", (c) => (output += String(c)));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("second server did not start")), 90_000);
        server.stdout!.on("data", (c) => /Ready/.test(String(c)) && (clearTimeout(timer), resolve()));
        server.on("exit", (code) => reject(new Error(`second server exited ${code}:\n${output}`)));
      });
      const fromNetwork = await fetch(`http://${external}:${port}/dev/outbox`);
      expect(fromNetwork.status).toBe(404);
      // Not even this machine sees it when the server listens beyond loopback.
      const local = await fetch(`http://127.0.0.1:${port}/dev/outbox`);
      expect(local.status).toBe(404);
      // The server itself is up and serving.
      expect((await fetch(`http://${external}:${port}/login`)).status).toBe(200);
    } finally {
      server.kill("SIGTERM");
    }
  });

  test("shows the outbox to this machine on the loopback-bound demo server", async ({ request }) => {
    expect((await request.get("/dev/outbox")).status()).toBe(200);
  });
});
