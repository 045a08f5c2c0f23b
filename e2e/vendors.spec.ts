import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import Papa from "papaparse";
import { CDMO_SLUG, DEMO, SPONSOR_SLUG, expectAccessible, login, unique } from "./helpers";

// Vendor directory journeys: the CDMO's public profile, the sponsor's directory, the FDA CSV
// import and its error path. Numbers (scores, counts) are read from the page, never assumed.

const SAMPLE = path.join(process.cwd(), "samples", "fda-inspections-sample.csv");
const BAD_SAMPLE = path.join(process.cwd(), "samples", "fda-inspections-bad.csv");
const directoryUrl = `/${SPONSOR_SLUG}/vendors`;
const importUrl = `/${SPONSOR_SLUG}/vendors/import`;

async function sponsorPage(browser: Browser, callbackUrl = directoryUrl): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, DEMO.sponsorOwner, undefined, callbackUrl);
  await expect(page).toHaveURL(new RegExp(callbackUrl));
  if (callbackUrl === directoryUrl) {
    // The rows arrive from a client query, so the page has hydrated once they are shown.
    await expect(page.getByRole("table", { name: "Vendors" }).getByRole("link").first()).toBeVisible();
  }
  return page;
}

/** What a vendor page shows about quality: the score text and how many OAI inspections the timeline lists. */
async function qualityOf(page: Page, href: string) {
  await page.goto(href);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const score =
    (
      await page.getByRole("region", { name: "Quality score" }).getByTestId("quality-score-value").textContent()
    )?.trim() ?? "";
  const figure = page.getByRole("figure", { name: "Quality events over time" });
  await expect(figure).toBeAttached();
  // The figure's text alternative: one list item per event (the chart itself is aria-hidden).
  const items = figure.getByRole("list", { name: "Quality events, oldest first" }).getByRole("listitem");
  const oai = await items.filter({ hasText: /\bOAI\b/ }).count();
  const events = await items.count();
  return { score, oai, events };
}

/** The rows of a sample file, as the FDA column names give them. */
function csvRows(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(fs.readFileSync(file, "utf8"), { header: true, skipEmptyLines: true }).data;
}

/** Upload a CSV on the import page and wait until every row has been checked. */
async function uploadAndCheck(page: Page, file: string) {
  await page.goto(importUrl);
  // Let the page hydrate before choosing the file, as a person would.
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Inspections — FDA Data Dashboard export").check();
  await page.getByLabel("CSV file").setInputFiles(file);
  await page.getByRole("button", { name: "Upload and check" }).click();
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "100", {
    timeout: 30_000,
  });
  await expect(page.getByRole("heading", { name: "2. Preview" })).toBeVisible({ timeout: 30_000 });
}

/** The vendors the preview says the import touches: [name, href]. */
async function affectedVendors(page: Page): Promise<{ name: string; href: string }[]> {
  const links = page.getByRole("list", { name: "Vendors affected" }).getByRole("link");
  const out: { name: string; href: string }[] = [];
  for (const link of await links.all())
    out.push({ name: (await link.textContent())!.trim(), href: (await link.getAttribute("href"))! });
  return out;
}

test.describe("vendor directory", () => {
  test("a CDMO adds a modality and a site; a sponsor finds it by filters, records an inspection there and reads its change history; the CDMO removes the site and the sponsor's record stays", async ({
    page,
    browser,
  }) => {
    // Two people in two browsers across both tenants: the longest journey, so it gets the time of one.
    test.setTimeout(120_000);
    await login(page, DEMO.cdmoOwner, undefined, `/${CDMO_SLUG}/profile`);
    await expect(page.getByRole("heading", { level: 1, name: "Public profile" })).toBeVisible();

    // The demo seed may or may not have created the profile yet: create it if needed.
    const create = page.getByRole("button", { name: "Create public profile" });
    const save = page.getByRole("button", { name: "Save profile" });
    await expect(create.or(save)).toBeVisible();
    if (await create.isVisible()) {
      await page.getByLabel("Company name").fill("Northbridge Biologics");
      await page.getByLabel("Headquarters country").selectOption({ label: "United States" });
      await page.getByLabel("Headquarters city").fill("Boston");
      await create.click();
      await expect(save).toBeVisible();
    }
    const companyName = await page.getByLabel("Company name").inputValue();

    await page.getByRole("group", { name: "Modalities" }).getByLabel("ADC", { exact: true }).check();
    await page.getByLabel("Largest fill batch (units)").fill("250000");
    await save.click();
    await expect(page.getByText("Profile saved")).toBeVisible();

    const city = unique("Cork");
    await page.getByRole("button", { name: "Add site" }).click();
    await page.getByLabel("Facility name").fill(`ADC suite ${city}`);
    await page.getByLabel("Country", { exact: true }).selectOption({ label: "Ireland" });
    await page.getByLabel("City", { exact: true }).fill(city);
    await page.getByLabel("FEI number").fill(String(3_000_000_000 + Math.floor(Math.random() * 999_999_999)));
    await page.getByRole("button", { name: "Save site" }).click();
    await expect(page.getByText("Site saved")).toBeVisible();
    await expect(
      page.getByRole("table", { name: "Manufacturing sites" }).getByRole("cell", { name: city, exact: true }),
    ).toBeVisible();

    // The sponsor, in a browser of their own.
    const sponsor = await sponsorPage(browser);
    await sponsor.getByRole("group", { name: "Modality" }).getByLabel("ADC", { exact: true }).click();
    await expect(sponsor).toHaveURL(/modalities=ADC/);
    await expect(sponsor.getByRole("group", { name: "Modality" }).getByLabel("ADC", { exact: true })).toBeChecked();
    // Back undoes the filter, box and all; Forward brings it back.
    await sponsor.goBack();
    await expect(sponsor).not.toHaveURL(/modalities=ADC/);
    await expect(sponsor.getByRole("group", { name: "Modality" }).getByLabel("ADC", { exact: true })).not.toBeChecked();
    await sponsor.goForward();
    await expect(sponsor).toHaveURL(/modalities=ADC/);
    await expect(sponsor.getByRole("group", { name: "Modality" }).getByLabel("ADC", { exact: true })).toBeChecked();
    await sponsor.getByLabel("Minimum fill batch (units)").fill("250000");
    await expect(sponsor).toHaveURL(/minBatchUnits=250000/);
    await sponsor.getByLabel("Search vendors").fill("Northbridge");
    await expect(sponsor).toHaveURL(/q=Northbridge/);
    const results = sponsor.getByRole("table", { name: "Vendors" });
    const link = results.getByRole("link", { name: companyName });
    await expect(link).toBeVisible();
    // The filters survive a reload: they live in the URL.
    await sponsor.reload();
    await expect(sponsor.getByRole("group", { name: "Modality" }).getByLabel("ADC", { exact: true })).toBeChecked();
    await expect(sponsor.getByLabel("Search vendors")).toHaveValue("Northbridge");
    // Country matches the headquarters or any site: not in Iceland, but the new Irish site counts.
    const country = sponsor.getByLabel("Country", { exact: true });
    await country.selectOption({ label: "Iceland" });
    await expect(sponsor).toHaveURL(/countries=IS/);
    await expect(results.getByRole("link", { name: companyName })).toHaveCount(0);
    await sponsor.getByRole("button", { name: "Remove country Iceland" }).click();
    await country.selectOption({ label: "Ireland" });
    await expect(sponsor).toHaveURL(/countries=IE/);
    await expect(sponsor).not.toHaveURL(/countries=IS/);
    await results.getByRole("link", { name: companyName }).click();
    await expect(sponsor.getByRole("heading", { level: 1, name: companyName })).toBeVisible();
    await expect(
      sponsor.getByRole("table", { name: "Manufacturing sites" }).getByRole("cell", { name: city, exact: true }),
    ).toBeVisible();

    // The sponsor records an inspection of its own at the new site.
    await sponsor.getByRole("button", { name: "Add inspection" }).click();
    const form = sponsor.getByRole("form", { name: "Add inspection" });
    const siteValue = await form.getByLabel("Site").locator("option", { hasText: city }).getAttribute("value");
    await form.getByLabel("Site").selectOption(siteValue!);
    await form.getByLabel("Inspection end date").fill("2025-05-14");
    await form.getByLabel("Classification").selectOption("NAI");
    await form.getByRole("button", { name: "Save inspection" }).click();
    await expect(sponsor.getByText(/Inspection saved/)).toBeVisible();

    // The vendor's change history is the audit log narrowed to this record.
    const vendorId = new URL(sponsor.url()).pathname.split("/").pop()!;
    await sponsor.getByRole("link", { name: "Change history" }).click();
    await expect(sponsor).toHaveURL(new RegExp(`/audit\\?entityId=${vendorId}$`));
    await expect(sponsor.getByLabel("Record id")).toHaveValue(vendorId);
    const events = sponsor.getByRole("table", { name: /^Audit events/ }).locator("tbody tr");
    await expect(events.first()).toBeVisible();
    for (const row of await events.all()) await expect(row).toContainText(vendorId);

    // The CDMO removes that site. The sponsor's inspection is not the CDMO's to change: it stays,
    // still pointing at the site, which the sponsor now sees as removed.
    await page.reload();
    await page.getByRole("button", { name: `Remove site ADC suite ${city}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Remove site" }).click();
    await expect(
      page.getByRole("table", { name: "Manufacturing sites" }).getByRole("cell", { name: city, exact: true }),
    ).toHaveCount(0);
    await sponsor.goBack();
    await sponsor.reload();
    await expect(sponsor.getByText(/site removed by the CDMO/).first()).toBeVisible();
    await sponsor.context().close();
  });

  test("FDA data is public: every sponsor sees Kestrel's 2025 OAI with its source, and the same score as its profile", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    await login(page, DEMO.sponsorOwner, undefined, `${directoryUrl}?q=Kestrel`);
    const link = page.getByRole("table", { name: "Vendors" }).getByRole("link", { name: "Kestrel Fill-Finish" });
    await expect(link).toBeVisible();
    const listed = (await page
      .getByRole("table", { name: "Vendors" })
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: "Kestrel Fill-Finish" }) })
      .textContent())!;
    const kestrel = await qualityOf(page, (await link.getAttribute("href"))!);
    expect(kestrel.oai, "the FDA file's 2025 OAI, loaded publicly by the seed").toBeGreaterThan(0);
    expect(listed).toContain(kestrel.score);
    const inspections = page.getByRole("table", { name: "Inspections" });
    const oai = inspections.getByRole("row").filter({ hasText: "OAI" }).first();
    await expect(oai.getByTestId("record-source")).toHaveText(/^FDA Data Dashboard, \d{4}-\d{2}-\d{2}$/);
    await expect(page.getByTestId("quality-basis")).toBeVisible();

    // Northbridge sees its own profile with the same FDA-based score a sponsor sees for it.
    await page.goto(`${directoryUrl}?q=Northbridge`);
    const northbridge = page
      .getByRole("table", { name: "Vendors" })
      .getByRole("link", { name: "Northbridge Biologics", exact: true })
      .first();
    await expect(northbridge).toBeVisible();
    const seen = await qualityOf(page, (await northbridge.getAttribute("href"))!);
    // An earlier journey gave the sponsor a private record of its own there: then the card says so
    // and names the public record's score, which is what the CDMO and other sponsors see.
    const basis = (await page.getByTestId("quality-basis").textContent()) ?? "";
    const publicScore = /public record alone scores ([\d.]+)/.exec(basis)?.[1] ?? seen.score;
    const cdmo = await browser.newPage();
    await login(cdmo, DEMO.cdmoOwner, undefined, `/${CDMO_SLUG}/profile`);
    await expect(cdmo.getByRole("heading", { level: 1, name: "Public profile" })).toBeVisible();
    await expect(cdmo.getByRole("region", { name: "Quality score" }).getByTestId("quality-score-value")).toHaveText(
      publicScore,
    );
    await cdmo.context().close();
  });

  test("a sponsor imports FDA inspections: rows already public are not copied; new rows reach its own vendors", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await login(page, DEMO.sponsorOwner, undefined, directoryUrl);
    await page.getByRole("link", { name: "Import FDA data" }).click();
    await expect(page).toHaveURL(new RegExp(`${importUrl}$`));
    await uploadAndCheck(page, SAMPLE);

    // A clean file: no problems table, and the counts are shown.
    await expect(page.getByRole("table", { name: "Problems found in the file" })).toHaveCount(0);
    for (const label of [
      "Records that will be created",
      "Records that will be updated",
      "Unchanged records",
      "Already on the public record",
      "Rows matching no vendor",
    ]) {
      await expect(page.getByText(label, { exact: true })).toBeVisible();
    }
    // The seed loaded the same file publicly: its rows on platform profiles are not new.
    const publicCount = page.getByText("Already on the public record", { exact: true }).locator("xpath=../dd");
    expect(Number(await publicCount.textContent())).toBeGreaterThan(0);
    const items = page.getByRole("list", { name: "Vendors affected" }).getByRole("listitem");
    await expect(items.filter({ hasText: "Kestrel Fill-Finish" })).toContainText("already on the public record");
    const affected = await affectedVendors(page);
    const created: { name: string; href: string }[] = [];
    for (const v of affected) {
      const text = (await items.filter({ hasText: v.name }).first().textContent()) ?? "";
      if (Number(/(\d+) new/.exec(text)?.[1] ?? 0) > 0) created.push(v);
    }
    const kestrel = affected.find((v) => v.name === "Kestrel Fill-Finish")!;

    // Before committing, note what those vendors show (in a second tab).
    const probe = await page.context().newPage();
    const before = new Map<string, Awaited<ReturnType<typeof qualityOf>>>();
    for (const v of [...created, kestrel]) before.set(v.href, await qualityOf(probe, v.href));

    const commit = page.getByRole("button", { name: "Commit import" });
    await expect(commit).toBeEnabled();
    await commit.click();
    await expect(page.getByRole("heading", { name: "Import complete" })).toBeVisible();
    if (created.length)
      await expect(page.getByRole("list", { name: "Vendors updated" }).getByRole("link")).toHaveCount(created.length);

    // The vendors with new rows list them as the sponsor's records; Kestrel is exactly as before.
    for (const v of created) {
      const after = await qualityOf(probe, v.href);
      expect(after.events, `${v.name}: events on the timeline`).toBeGreaterThan(before.get(v.href)!.events);
      await expect(
        probe.getByRole("table", { name: "Inspections" }).getByRole("row").filter({ hasText: "Your record" }).first(),
      ).toContainText("FDA Data Dashboard");
    }
    expect(await qualityOf(probe, kestrel.href)).toEqual(before.get(kestrel.href));
    await probe.close();
  });

  test("a CSV with bad rows lists line and column, cannot be committed, and changes nothing", async ({ page }) => {
    test.setTimeout(120_000);
    await login(page, DEMO.sponsorOwner, undefined, directoryUrl);
    // The vendors the file names, found in the directory by the first word of their legal name.
    const firstWords = [
      ...new Set(
        csvRows(BAD_SAMPLE)
          .map((r) => (r["Legal Name"] ?? "").split(/[\s,]+/)[0]!)
          .filter(Boolean),
      ),
    ].slice(0, 3);
    const hrefs: string[] = [];
    for (const word of firstWords) {
      await page.goto(`${directoryUrl}?q=${encodeURIComponent(word)}`);
      const results = page.getByRole("table", { name: "Vendors" }).or(page.getByText("No vendors match"));
      await expect(results.first()).toBeVisible();
      const link = page.getByRole("table", { name: "Vendors" }).getByRole("link").first();
      if (await link.count()) hrefs.push((await link.getAttribute("href"))!);
    }
    expect(hrefs.length, "a vendor named in the bad file").toBeGreaterThan(0);
    const before = new Map<string, Awaited<ReturnType<typeof qualityOf>>>();
    for (const h of hrefs) before.set(h, await qualityOf(page, h));

    await uploadAndCheck(page, BAD_SAMPLE);
    const problems = page.getByRole("table", { name: "Problems found in the file" });
    await expect(problems).toBeVisible();
    const firstRow = problems.getByRole("row").nth(1);
    await expect(firstRow.getByRole("cell").nth(0)).toHaveText(/^Line \d+$/);
    await expect(firstRow.getByRole("cell").nth(1)).not.toHaveText(/^(—)?$/);
    await expect(page.getByRole("button", { name: "Commit import" })).toBeDisabled();

    await page.getByRole("button", { name: "Discard" }).click();
    await expect(page.getByText("Import discarded; nothing was written")).toBeVisible();
    for (const h of hrefs) expect(await qualityOf(page, h)).toEqual(before.get(h));
  });

  test("directory, vendor profile and import pages have no serious accessibility violations", async ({ page }) => {
    await login(page, DEMO.sponsorOwner, undefined, directoryUrl);
    const results = page.getByRole("table", { name: "Vendors" });
    await expect(results).toBeVisible();
    await expectAccessible(page);

    // Sorting is done by the server and announced on the column header.
    await results.getByRole("button", { name: "Quality score" }).click();
    await expect(page).toHaveURL(/sort=qualityScore/);
    const header = results.getByRole("columnheader", { name: "Quality score" });
    await expect(header).toHaveAttribute("aria-sort", /ascending|descending/);
    const firstBefore = await results.getByRole("link").first().textContent();
    const dirBefore = (await header.getAttribute("aria-sort"))!;
    await results.getByRole("button", { name: "Quality score" }).click();
    await expect(header).toHaveAttribute("aria-sort", dirBefore === "ascending" ? "descending" : "ascending");
    await expect(results.getByRole("link").first()).not.toHaveText(firstBefore!);

    await results.getByRole("link").first().click();
    await expect(page.getByRole("region", { name: "Quality score" })).toBeVisible();
    await expectAccessible(page);

    await page.goto(importUrl);
    await expect(page.getByLabel("CSV file")).toBeVisible();
    await expectAccessible(page);
  });
});
