import { expect, test } from "@playwright/test";
import { DEMO, SPONSOR_SLUG, confirmSignUp, expectAccessible, login, logout, outboxLink, unique } from "./helpers";

test.describe("accounts and organisations", () => {
  test("a sponsor signs up, invites a colleague who joins through the e-mailed link, and changes their role", async ({
    page,
    browser,
  }) => {
    // Two accounts, two e-mailed links and four pages checked by axe: more than a minute on a 2-core runner.
    test.setTimeout(120_000);
    const me = unique("sam");
    await page.goto("/signup");
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
    await page.getByLabel("Your name").fill("Sam Sponsor");
    await page.getByLabel("E-mail").fill(`${me}@sponsor.example`);
    await page.getByLabel("Password", { exact: true }).fill("harvest-titre-report-77");
    await page.getByLabel("Organisation name").fill(`Acme Bio ${me}`);
    await page.getByLabel("Sponsor (biotech / pharma)").check();
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Check your e-mail")).toBeVisible();
    await confirmSignUp(page, `${me}@sponsor.example`, "harvest-titre-report-77");
    await expect(page).toHaveURL(new RegExp(`/acme-bio-${me}$`));
    const slug = new URL(page.url()).pathname.slice(1);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Members" }).click();
    const colleague = `${unique("colleague")}@sponsor.example`;
    await page.getByLabel("Invite by e-mail").fill(colleague);
    await page.getByLabel("Role for new member").selectOption("EVALUATOR");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(`Invitation sent to ${colleague}`)).toBeVisible();
    await expectAccessible(page);

    // The colleague, in a browser of their own, follows the link from the outbox.
    const other = await browser.newContext();
    const theirs = await other.newPage();
    const link = await outboxLink(theirs, colleague, "/invite/");
    await theirs.goto(link);
    await theirs.waitForLoadState("networkidle");
    await theirs.getByLabel("Your name").fill("Casey Colleague");
    await theirs.getByLabel("Password", { exact: true }).fill("column-packing-notes-12");
    await theirs.getByRole("button", { name: "Create account and join" }).click();
    await expect(theirs).toHaveURL(new RegExp(`/${slug}$`));
    await other.close();

    await page.reload();
    const roleSelect = page.getByLabel("Role of Casey Colleague");
    await expect(roleSelect).toHaveValue("EVALUATOR");
    await roleSelect.selectOption("VIEWER");
    await expect(page.getByText("Casey Colleague is now viewer.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Role of Casey Colleague")).toHaveValue("VIEWER");

    // The change is in the audit trail.
    await page.goto(`/${slug}/audit`);
    await page.waitForLoadState("networkidle");
    // It reads as words and names (issue 11): the action, who did it, whose membership, and only
    // the field that changed; the ids are one click away.
    const row = page
      .getByRole("table", { name: /^Audit events/ })
      .locator("tbody tr")
      .filter({ hasText: "Changed a member's role" })
      .first();
    await expect(row).toBeVisible();
    await expect(row.getByRole("link", { name: "Casey Colleague" })).toBeVisible();
    await expect(row).toContainText(/Role: Evaluator\s*→?\s*(changed to)?\s*Viewer/);
    await expect(row.getByText("membership.role_changed")).toBeHidden();
    await row.getByText("Ids", { exact: true }).click();
    await expect(row.getByText("membership.role_changed")).toBeVisible();
    await expect(row.getByRole("button", { name: "Copy record id" })).toBeVisible();
    await expectAccessible(page);
  });

  test("logging out makes the old session cookie useless", async ({ page, browser }) => {
    await login(page, DEMO.sponsorOwner);
    await expect(page).toHaveURL(new RegExp(`/${SPONSOR_SLUG}`));
    const cookies = await page.context().cookies();
    expect(cookies.some((c) => c.name.includes("session-token"))).toBe(true);
    await logout(page);

    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const again = await replay.newPage();
    await again.goto(`/${SPONSOR_SLUG}/members`);
    await again.waitForLoadState("networkidle");
    await expect(again).toHaveURL(/\/login/);
    const api = await again.request.get("/api/trpc/account.me");
    expect(api.status()).toBe(401);
    await replay.close();
  });

  test("a viewer cannot reach an admin action", async ({ page }) => {
    await login(page, DEMO.sponsorViewer);
    await page.goto(`/${SPONSOR_SLUG}/members`);
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("table")).toBeVisible();
    await expect(page.getByLabel("Invite by e-mail")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
    await page.goto(`/${SPONSOR_SLUG}/audit`);
    await page.waitForLoadState("networkidle");
    await expect(page.getByText(/You need the (\w+ or )*admin role to see the audit log/)).toBeVisible();
    await page.goto(`/${SPONSOR_SLUG}/vendors/import`);
    await expect(page.getByText(/You need the (\w+,? or )*evaluator role to import data/)).toBeVisible();
    await expect(page.getByLabel("CSV file")).toHaveCount(0);
    // Calling the procedure directly is refused by the server, not just hidden.
    const res = await page.request.post("/api/trpc/members.invite", {
      data: { json: { orgSlug: SPONSOR_SLUG, email: "sneaky@example.com", role: "VIEWER" } },
    });
    expect(res.status()).toBe(403);
  });

  test("a forgotten password is reset through the e-mailed link", async ({ page }) => {
    const email = `${unique("forgetful")}@sponsor.example`;
    const signup = await page.request.post("/api/trpc/account.signUp", {
      data: {
        json: {
          name: "Fran Forgetful",
          email,
          password: "first-password-lyo-01",
          organizationName: `Fran Bio ${unique("o")}`,
          organizationKind: "SPONSOR",
        },
      },
    });
    expect(signup.status()).toBe(200);
    await confirmSignUp(page, email, "first-password-lyo-01");
    await logout(page);
    await page.goto("/forgot-password");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("E-mail").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByText(/If an account exists/i)).toBeVisible();
    const link = await outboxLink(page, email, "/reset-password");
    await page.goto(link);
    await page.waitForLoadState("networkidle");
    await page.getByLabel("New password").fill("second-password-lyo-02");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page).toHaveURL(/\/login\?reset=1/);
    await login(page, email, "second-password-lyo-02");
    await expect(page.getByRole("button", { name: "User menu" })).toBeVisible();
  });
});

test.describe("bad input over HTTP", () => {
  test("malformed and oversized payloads get a 4xx with a field-level message, and the server stays up", async ({
    request,
  }) => {
    const malformed = await request.post("/api/trpc/account.signUp", {
      headers: { "content-type": "application/json" },
      data: "{not json",
    });
    expect(malformed.status()).toBe(400);

    const invalid = await request.post("/api/trpc/account.signUp", {
      data: {
        json: { name: "", email: "not-an-email", password: "short", organizationName: "X", organizationKind: "PHARMA" },
      },
    });
    expect(invalid.status()).toBe(400);
    const body = await invalid.json();
    const message: string = body.error.json.message;
    expect(message).toMatch(/E-mail: /);
    expect(body.error.json.data.zodError.fieldErrors).toHaveProperty("password");

    const huge = await request.post("/api/trpc/account.signUp", {
      data: {
        json: {
          name: "x".repeat(3 * 1024 * 1024),
          email: "a@b.co",
          password: "p",
          organizationName: "X",
          organizationKind: "SPONSOR",
        },
      },
    });
    expect(huge.status()).toBe(413);

    const typeConfused = await request.post("/api/trpc/members.invite", { data: { json: [1, 2, 3] } });
    expect([400, 401]).toContain(typeConfused.status());

    const alive = await request.get("/login");
    expect(alive.status()).toBe(200);
  });
});

test("pages have no serious accessibility violations", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/login");
  await page.waitForLoadState("networkidle");
  await expectAccessible(page);
  await login(page, DEMO.sponsorAdmin);
  await page.goto(`/${SPONSOR_SLUG}`);
  await page.waitForLoadState("networkidle");
  await expectAccessible(page);
  await page.goto(`/${SPONSOR_SLUG}/members`);
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("table")).toBeVisible();
  await expectAccessible(page);
  // The demo's audit log, with one entry's ids disclosed (links, disclosure and copy button included).
  await page.goto(`/${SPONSOR_SLUG}/audit`);
  await page.waitForLoadState("networkidle");
  const first = page
    .getByRole("table", { name: /^Audit events/ })
    .locator("tbody tr")
    .first();
  await first.getByText("Ids", { exact: true }).click();
  await expect(first.getByRole("button", { name: "Copy record id" })).toBeVisible();
  await expectAccessible(page);
});
