import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, SPONSOR_SLUG, expectAccessible, login, unique } from "./helpers";

// The directory and vendor pages at a laptop's size: long unbroken text wraps instead of widening
// the page, the directory shows a screenful of rows with what matched the filters, columns are
// the reader's choice, and the small things of issue 11 (point 8) stay fixed.

const LAPTOP = { width: 1366, height: 900 };
const directoryUrl = `/${SPONSOR_SLUG}/vendors`;
const LETTERS = path.join(process.cwd(), "samples", "fda-warning-letters-sample.csv");

test.use({ viewport: LAPTOP });

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function openVendor(page: Page, q: string): Promise<string> {
  await page.goto(`${directoryUrl}?q=${encodeURIComponent(q)}`);
  const link = page.getByRole("table", { name: "Vendors" }).getByRole("link").first();
  await expect(link).toBeVisible();
  const href = (await link.getAttribute("href"))!;
  await page.goto(href);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return href;
}

test("long unbroken names, summaries, URLs and notes wrap: no page gets wider than the window", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, DEMO.sponsorOwner, undefined, `${directoryUrl}/new`);
  const stem = unique("Unbroken").replace(/-/g, "");
  const name = (stem + "N".repeat(120)).slice(0, 120);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Company name").fill(name);
  await page.getByLabel("Legal name").fill("L".repeat(200));
  await page.getByLabel("Headquarters city").fill("C".repeat(120));
  await page.getByLabel("Website").fill(`https://example.com/${"p".repeat(270)}`);
  await page.getByLabel("Summary").fill("S".repeat(4000));
  await page.getByRole("button", { name: "Create vendor" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  // A 5,000-character note without a space: the case (the page was 45,368 px wide).
  await page.getByLabel("New note").fill("x".repeat(5000));
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("region", { name: "Private notes" }).getByText(/^x{5000}$/)).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(LAPTOP.width);
  await expectAccessible(page);

  // The same record in the directory and in its change history.
  await page.goto(`${directoryUrl}?q=${stem}`);
  await expect(page.getByRole("table", { name: "Vendors" }).getByRole("link", { name })).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(LAPTOP.width);
  await page.goto(`/${SPONSOR_SLUG}/audit`);
  await expect(
    page
      .getByRole("table", { name: /^Audit events/ })
      .locator("tbody tr")
      .first(),
  ).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(LAPTOP.width);
});

test("the directory shows a screenful of rows, what matched the filters, and the columns the reader chose", async ({
  page,
}) => {
  await login(page, DEMO.sponsorOwner, undefined, directoryUrl);
  const table = page.getByRole("table", { name: "Vendors" });
  const rows = table.locator("tbody tr");
  await expect(rows.first().getByRole("link")).toBeVisible();
  // At least 12 rows end above the fold at 1366x900 (about 5 did before).
  const above = await rows.evaluateAll(
    (trs) => trs.filter((r) => r.getBoundingClientRect().bottom <= innerHeight).length,
  );
  expect(above).toBeGreaterThanOrEqual(12);
  // Rows say what sets a vendor apart, not that it is on the platform.
  await expect(table.getByText("Platform", { exact: true })).toHaveCount(0);
  await expectAccessible(page);

  // Filtered for fill-finish, each row shows that capability, marked, and its fill batch size.
  await page.getByRole("group", { name: "Stage" }).getByLabel("Aseptic fill-finish").check();
  await expect(page).toHaveURL(/stages=FILL/);
  const first = rows.first();
  await expect(first.getByText(/Aseptic fill-finish \(matches your filter\)/)).toBeVisible();
  // The table fits beside the filters: nothing (the quality score least of all) is scrolled out of view.
  const box = page.getByRole("region", { name: "Vendors" });
  expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  const kestrel = rows.filter({ has: page.getByRole("link", { name: "Kestrel Fill-Finish" }) });
  await expect(kestrel).toContainText("400k units (largest fill batch)");

  // Columns: hide "Last inspection", show "Certifications"; the choice survives a reload.
  await page.locator("summary", { hasText: "Columns" }).click();
  const choices = page.getByRole("group", { name: "Columns to show" });
  await choices.getByLabel("Last inspection").uncheck();
  await choices.getByLabel("Certifications").check();
  await expect(table.getByRole("columnheader", { name: "Last inspection" })).toHaveCount(0);
  await expect(table.getByRole("columnheader", { name: "Certifications" })).toBeVisible();
  await expectAccessible(page);
  await page.reload();
  await expect(table.getByRole("columnheader", { name: "Certifications" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Last inspection" })).toHaveCount(0);
  await page.evaluate(() => localStorage.removeItem("cdmo.directory.columns"));
});

test("a page past the end says so and links to the last page", async ({ page }) => {
  await login(page, DEMO.sponsorOwner, undefined, `${directoryUrl}?page=99999`);
  await expect(page.getByText("Page 99999 is past the end")).toBeVisible();
  await expect(page.getByText("No vendors match")).toHaveCount(0);
  await page.getByRole("link", { name: /^Go to page \d+$/ }).click();
  await expect(page.getByRole("table", { name: "Vendors" }).getByRole("link").first()).toBeVisible();
  await expectAccessible(page);
});

test("the vendor page shows the score once, only the events that cost points, named sites and a change-history button", async ({
  page,
}) => {
  await login(page, DEMO.sponsorOwner, undefined, directoryUrl);
  await openVendor(page, "Kestrel");
  const card = page.getByRole("region", { name: "Quality score" });
  const score = (await card.getByTestId("quality-score-value").textContent())!.trim();
  expect(score).toMatch(/^\d+\.\d$/);
  // Beside the number, its band as a word: not the number again ("42.1 · poor").
  await expect(card.getByText(new RegExp(`${score.replace(".", "\\.")} ·`))).toHaveCount(0);
  await expect(card.getByText(/^Rated (good|fair|poor)$/)).toBeVisible();
  const penalties = card.getByRole("table", { name: "Penalties behind the quality score" });
  for (const cell of await penalties.locator("tbody tr td:last-child").allTextContents())
    expect(cell.trim()).not.toBe("−0.0");
  await expect(card.getByTestId("zero-penalty-note")).toBeVisible();
  // Kestrel's site has no name of its own: it is called after its city, not "—".
  const sites = page.getByRole("table", { name: "Manufacturing sites" });
  await expect(sites.locator("tbody tr").first().locator("td").first()).toHaveText("Bloomington site");
  const history = page.getByRole("link", { name: "Change history" });
  await expect(history).toHaveClass(/border/);
  await expectAccessible(page);
});

test("the user menu and the organisation switcher, open, leave nothing focusable under aria-hidden", async ({
  page,
}) => {
  await login(page, DEMO.sponsorOwner, undefined, directoryUrl);
  await expect(page.getByRole("table", { name: "Vendors" }).getByRole("link").first()).toBeVisible();
  await page.getByRole("button", { name: "User menu" }).click();
  await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menuitem", { name: "Sign out" })).toHaveCount(0);

  await page.getByRole("button", { name: /Switch organisation/ }).click();
  await expect(page.getByRole("menuitem", { name: "+ New organisation" })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menuitem", { name: "+ New organisation" })).toHaveCount(0);
});

test("a warning-letter file chosen as inspections says which choice to make, and no progress bar stays", async ({
  page,
}) => {
  await login(page, DEMO.sponsorOwner, undefined, `${directoryUrl}/import`);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Inspections — FDA Data Dashboard export").check();
  await page.getByLabel("CSV file").setInputFiles(LETTERS);
  await page.getByRole("button", { name: "Upload and check" }).click();
  await expect(page.getByText(/looks like a warning-letter file.*choose "Warning letters"/)).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveCount(0);
  await expectAccessible(page);
});
