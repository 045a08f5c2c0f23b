import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-Cdmo-select-2026";
export const SPONSOR_SLUG = "helix-therapeutics";
export const CDMO_SLUG = "northbridge-biologics";
export const DEMO = {
  sponsorOwner: "olivia.owner@helix.example",
  sponsorAdmin: "adam.admin@helix.example",
  sponsorViewer: "victor.viewer@helix.example",
  cdmoOwner: "nora.owner@northbridge.example",
};

export async function login(page: Page, email: string, password = DEMO_PASSWORD, callbackUrl?: string) {
  await page.goto(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function logout(page: Page) {
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** The newest link in the development outbox for `to` whose path contains `pathPart`. */
export async function outboxLink(page: Page, to: string, pathPart: string): Promise<string> {
  await page.goto("/dev/outbox");
  await page.waitForLoadState("networkidle");
  const message = page.getByRole("article").filter({ hasText: to }).first();
  await expect(message).toBeVisible();
  const href = await message.getByRole("link").filter({ hasText: pathPart }).first().getAttribute("href");
  if (!href) throw new Error(`no ${pathPart} link for ${to}`);
  return href;
}

/** axe finds no serious or critical violation of WCAG 2 A/AA on the current page. */
export async function expectAccessible(page: Page) {
  // Axe measures colours as drawn, so a toast still fading in fails colour contrast. Judge the
  // settled page: wait (briefly; a spinner may run forever) for transitions to finish.
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), undefined, {
      timeout: 5_000,
    })
    .catch(() => {});
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

export const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Follow the sign-up link from the outbox, create the account, and sign in; lands on the new organisation. */
export async function confirmSignUp(page: Page, email: string, password: string) {
  const link = await outboxLink(page, email, "/signup/confirm");
  await page.goto(link);
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/login\?created=1/);
  await expect(page.getByLabel("E-mail")).toHaveValue(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}
