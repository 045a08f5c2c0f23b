import { expect, test } from "@playwright/test";
import { DEMO, SPONSOR_SLUG, confirmSignUp, expectAccessible, login, unique } from "./helpers";

// Journeys a signed-in person makes around their account: changing the password, switching
// organisation, and comparing vendors. Each uses its own account or only reads, so the demo
// logins keep their password for the other journeys.

test("changing the password signs out everywhere; the old password is refused, the new one works", async ({
  page,
  browser,
}) => {
  const email = `${unique("pat")}@sponsor.example`;
  const signup = await page.request.post("/api/trpc/account.signUp", {
    data: {
      json: {
        name: "Pat Password",
        email,
        password: "first-password-mab-01",
        organizationName: `Pat Bio ${unique("o")}`,
        organizationKind: "SPONSOR",
      },
    },
  });
  expect(signup.status()).toBe(200);
  await confirmSignUp(page, email, "first-password-mab-01");
  const slug = new URL(page.url()).pathname.slice(1);
  // A second browser signed in as the same person.
  const other = await browser.newContext();
  const second = await other.newPage();
  await login(second, email, "first-password-mab-01");

  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Current password").fill("not-my-password-99");
  await page.getByLabel("New password").fill("second-password-mab-02");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The current password is not right.")).toBeVisible();
  await expect(page).toHaveURL(/\/account$/);

  await page.getByLabel("Current password").fill("first-password-mab-01");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login\?passwordChanged=1/);
  await expect(page.getByText("Your password was changed and you were signed out everywhere.")).toBeVisible();

  // The other browser's session ended too.
  await second.goto(`/${slug}`);
  await expect(second).toHaveURL(/\/login/);
  await other.close();

  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("first-password-mab-01");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("E-mail or password is not right.")).toBeVisible();
  await login(page, email, "second-password-mab-02");
  await expect(page).toHaveURL(new RegExp(`/${slug}$`));
});

test("a person sees where they are signed in and signs the other browsers out", async ({ page, browser }) => {
  const email = `${unique("sam")}@sponsor.example`;
  const signup = await page.request.post("/api/trpc/account.signUp", {
    data: {
      json: {
        name: "Sam Sessions",
        email,
        password: "sessions-password-mab-01",
        organizationName: `Sam Bio ${unique("o")}`,
        organizationKind: "SPONSOR",
      },
    },
  });
  expect(signup.status()).toBe(200);
  await confirmSignUp(page, email, "sessions-password-mab-01");
  const slug = new URL(page.url()).pathname.slice(1);
  const others = await Promise.all([browser.newContext(), browser.newContext()]);
  const pages = await Promise.all(others.map((c) => c.newPage()));
  for (const p of pages) await login(p, email, "sessions-password-mab-01");

  await page.goto("/account");
  const list = page.getByRole("list", { name: "Signed-in sessions" });
  await expect(list.getByRole("listitem")).toHaveCount(3);
  await expect(list.getByText("This device")).toHaveCount(1);
  await expect(page.getByText("You are signed in on 2 other sessions.")).toBeVisible();
  await expectAccessible(page);

  // One browser signed out from here: its next page is the sign-in page; the other is still in.
  await list
    .getByRole("button", { name: /^Sign out / })
    .first()
    .click();
  await expect(page.getByText("That session is signed out.")).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(2);
  const stillIn = async (p: (typeof pages)[number]) => {
    await p.goto(`/${slug}`);
    return !/\/login/.test(p.url());
  };
  const states = await Promise.all(pages.map(stillIn));
  expect(states.filter(Boolean)).toHaveLength(1);

  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(page.getByText("Signed out of 1 other session.")).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(page.getByText("This is your only session.")).toBeVisible();
  expect(await Promise.all(pages.map(stillIn))).toEqual([false, false]);
  // This browser is still signed in.
  await page.goto(`/${slug}`);
  await expect(page).toHaveURL(new RegExp(`/${slug}$`));
  await Promise.all(others.map((c) => c.close()));
});

test("the organisation switcher lists a person's organisations and opens the one chosen", async ({ page }) => {
  const email = `${unique("olu")}@sponsor.example`;
  const first = `First Bio ${unique("o")}`;
  const signup = await page.request.post("/api/trpc/account.signUp", {
    data: {
      json: {
        name: "Olu Orgs",
        email,
        password: "two-orgs-password-03",
        organizationName: first,
        organizationKind: "SPONSOR",
      },
    },
  });
  expect(signup.status()).toBe(200);
  await confirmSignUp(page, email, "two-orgs-password-03");
  const firstPath = new URL(page.url()).pathname;

  const switcher = page.getByRole("button", { name: /Switch organisation/ });
  await switcher.click();
  await page.getByRole("menuitem", { name: "+ New organisation" }).click();
  await expect(page).toHaveURL(/\/orgs\/new$/);
  await page.waitForLoadState("networkidle");
  const second = `Second Fill ${unique("o")}`;
  await page.getByLabel("Organisation name").fill(second);
  // The whole card is the label: a person clicks its text.
  await page.getByText("CDMO (contract manufacturer)").click();
  await expect(page.getByLabel("CDMO (contract manufacturer)")).toBeChecked();
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).not.toHaveURL(/\/orgs\/new$/);
  await expect(switcher).toContainText(second);

  await switcher.click();
  const items = page.getByRole("menuitem");
  await expect(items.filter({ hasText: first })).toHaveCount(1);
  await expect(items.filter({ hasText: second })).toHaveCount(1);
  await items.filter({ hasText: first }).click();
  await expect(page).toHaveURL(new RegExp(`${firstPath}$`));
  await expect(switcher).toContainText(first);
});

test("a sponsor ticks vendors in the directory and compares them side by side", async ({ page }) => {
  await login(page, DEMO.sponsorViewer, undefined, `/${SPONSOR_SLUG}/vendors`);
  const results = page.getByRole("table", { name: "Vendors" });
  await expect(results.getByRole("link").first()).toBeVisible();
  const names = [
    (await results.getByRole("link").nth(0).textContent())!.trim(),
    (await results.getByRole("link").nth(1).textContent())!.trim(),
  ];
  await results.getByRole("checkbox").nth(0).check();
  await results.getByRole("checkbox").nth(1).check();
  await page.getByRole("button", { name: "Compare (2)" }).click();
  await expect(page).toHaveURL(/\/vendors\/compare\?ids=/);
  await expect(page.getByRole("heading", { level: 1, name: "Compare vendors" })).toBeVisible();
  const table = page.getByRole("table", { name: "Vendors compared side by side" });
  for (const name of names) await expect(table.getByRole("columnheader").getByRole("link", { name })).toBeVisible();
});
