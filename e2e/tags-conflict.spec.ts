import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, SPONSOR_SLUG, login, unique } from "./helpers";

// Issue 7, finding 4 in the browser: two people edit a vendor's tags from pages loaded at the
// same time. The second change is based on tags that have since moved, so the server answers
// CONFLICT; the page says so, offers "Reload", and after it shows the other person's tag.

const directoryUrl = `/${SPONSOR_SLUG}/vendors`;

async function vendorPage(browser: Browser, href?: string): Promise<{ page: Page; href: string }> {
  const page = await (await browser.newContext()).newPage();
  await login(page, DEMO.sponsorOwner, undefined, directoryUrl);
  await expect(page).toHaveURL(new RegExp(directoryUrl));
  if (!href) {
    const first = page.getByRole("table", { name: "Vendors" }).getByRole("link").first();
    await expect(first).toBeVisible();
    href = (await first.getAttribute("href"))!;
  }
  await page.goto(href);
  await expect(page.getByLabel("Tags on this vendor", { exact: true })).toBeVisible();
  return { page, href };
}

const chips = (page: Page) => page.getByRole("list", { name: "Tags on this vendor: current" });

test("a tag change based on stale tags is refused with a Reload, not merged over someone else's", async ({
  browser,
}) => {
  test.setTimeout(180_000); // two sign-ins and two vendor pages
  const a = await vendorPage(browser);
  const b = await vendorPage(browser, a.href);
  const mine = unique("first");
  const theirs = unique("second");

  await a.page.getByLabel("Tags on this vendor", { exact: true }).fill(mine);
  await a.page.getByLabel("Tags on this vendor", { exact: true }).press("Enter");
  await expect(chips(a.page).getByText(mine)).toBeVisible();

  // B still shows the tags from before A's change.
  await b.page.getByLabel("Tags on this vendor", { exact: true }).fill(theirs);
  await b.page.getByLabel("Tags on this vendor", { exact: true }).press("Enter");
  await expect(b.page.getByText(/Someone else changed the tags on this vendor/)).toBeVisible();
  await b.page.getByRole("button", { name: "Reload" }).click();
  await expect(chips(b.page).getByText(mine)).toBeVisible();
  await expect(chips(b.page).getByText(theirs)).toHaveCount(0);

  // After reloading, B's change goes through and keeps A's tag.
  await b.page.getByLabel("Tags on this vendor", { exact: true }).fill(theirs);
  await b.page.getByLabel("Tags on this vendor", { exact: true }).press("Enter");
  await expect(chips(b.page).getByText(theirs)).toBeVisible();
  await a.page.reload();
  await expect(chips(a.page).getByText(mine)).toBeVisible();
  await expect(chips(a.page).getByText(theirs)).toBeVisible();
});
