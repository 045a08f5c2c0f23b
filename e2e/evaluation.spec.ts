import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, login, logout, SPONSOR_SLUG } from "./helpers";

// The evaluation journey on the demo's closed RFP (seven CDMOs responded): the lead turns on
// blind scoring; three evaluators score by keyboard, one of them blind until she submits; the
// consensus heatmap flags where two disagree; the lead records a rationale and locks; a weight
// slider moved past the reported flip point changes the leader; the acceptability bars show;
// the XLSX export, read back, has the page's totals.

const RFP_TITLE = "HLX-204 development and clinical manufacturing";
const EVA = "eva.evaluator@helix.example";
const VENDORS = [
  "Aldermoor Biologics",
  "Cascadia Analytics",
  "Graz Biologics",
  "Incheon BioLogix",
  "Kestrel Fill-Finish",
  "Northbridge Biologics",
  "Paulista Biotecnologia",
];
// Per vendor, the six criteria people score, in the matrix's order: modality, scale, team,
// quality systems, commercial terms, tech-transfer plan. Northbridge leads on capability,
// Aldermoor on commercial terms, so the pricing weight can flip the winner.
const BASE: Record<string, number[]> = {
  "Aldermoor Biologics": [3, 3, 3, 3, 5, 3],
  "Cascadia Analytics": [1, 1, 1, 3, 2, 2],
  "Graz Biologics": [3, 2, 3, 3, 2, 3],
  "Incheon BioLogix": [2, 3, 2, 3, 3, 2],
  "Kestrel Fill-Finish": [1, 2, 1, 3, 3, 1],
  "Northbridge Biologics": [5, 5, 5, 4, 1, 4],
  "Paulista Biotecnologia": [2, 2, 2, 2, 2, 2],
};

async function openEvaluation(page: Page, tab: "" | "/score" | "/consensus" | "/setup") {
  await page.goto(`/${SPONSOR_SLUG}/programmes`);
  await page
    .getByRole("link", { name: /HLX-204 anti-IL-23/ })
    .first()
    .click();
  await page.getByRole("link", { name: RFP_TITLE }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: RFP_TITLE })).toBeVisible();
  const rfpUrl = page.url().replace(/\?.*$/, "");
  await page.goto(`${rfpUrl}/evaluation${tab}`);
}

/** Types one evaluator's scores column by column: Enter moves down, as in a spreadsheet. */
async function scoreAll(page: Page, adjust: (vendor: string, row: number, v: number) => number) {
  for (const vendor of VENDORS) {
    const first = page.getByRole("textbox", { name: `${vendor}: Modality and process fit` });
    await first.click();
    for (const [row, v] of BASE[vendor]!.entries()) {
      await page.keyboard.type(String(adjust(vendor, row, v)));
      await page.keyboard.press("Enter");
    }
  }
  await expect(page.getByRole("status").filter({ hasText: "All scores saved" })).toBeVisible();
  await expect(page.getByText(`${VENDORS.length * 6} of ${VENDORS.length * 6} cells scored.`)).toBeVisible();
}

async function submit(page: Page) {
  await page.getByRole("button", { name: "Submit scores" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("You submitted your scores.")).toBeVisible();
}

test("three evaluators score, the lead explains a disagreement and locks, the sliders flip the winner", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 900 });

  // The lead turns on blind scoring.
  await login(page, DEMO.sponsorOwner);
  await openEvaluation(page, "/setup");
  await page.getByLabel("Blind scoring").check();
  await page.getByRole("button", { name: "Save scorecard" }).click();
  await expect(page.getByText("Scorecard saved.")).toBeVisible();
  await expect(page.getByText("Blind scoring", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
  await logout(page);

  // Eva scores blind: she sees only her own scores, and no results, until she submits.
  await login(page, EVA);
  await openEvaluation(page, "/score");
  await expect(page.getByText("Blind scoring: you see only your own scores until you submit them.")).toBeVisible();
  await scoreAll(page, (vendor, row, v) => (vendor === "Aldermoor Biologics" && row === 3 ? 1 : v));
  await expectAccessible(page);
  await page.getByRole("link", { name: "Consensus", exact: true }).click();
  await expect(page.getByText("You see the team's scores once you submit your own")).toBeVisible();
  await page.getByRole("link", { name: "Score", exact: true }).click();
  await submit(page);
  await logout(page);

  // Adam disagrees with Eva on Aldermoor's quality system (5 against her 1).
  await login(page, DEMO.sponsorAdmin);
  await openEvaluation(page, "/score");
  await scoreAll(page, (vendor, row, v) => (vendor === "Aldermoor Biologics" && row === 3 ? 5 : v));
  await submit(page);
  await logout(page);

  // The lead scores too, then sees the flagged cell and cannot lock until the team explains it.
  await login(page, DEMO.sponsorOwner);
  await openEvaluation(page, "/score");
  await scoreAll(page, (vendor, row, v) => (vendor === "Aldermoor Biologics" && row === 3 ? 3 : v));
  await submit(page);
  // The lead overrides an automatic score; the reason is shown where the value is.
  await page.getByRole("button", { name: /^Override\s+Quoted price for Paulista Biotecnologia$/ }).click();
  const override = page.getByRole("dialog");
  await override.getByLabel("Score (0-5)").fill("2.5");
  await override.getByLabel("Reason").fill("The quote leaves out QC release testing, priced separately.");
  await override.getByRole("button", { name: "Save override" }).click();
  await expect(page.getByText("Override saved.")).toBeVisible();
  await expect(page.getByText(/^Was .*: The quote leaves out QC release testing/)).toBeVisible();
  await page.getByRole("link", { name: "Consensus", exact: true }).click();
  const flagged = page.getByRole("button", {
    name: /Aldermoor Biologics, Quality systems and audit: .*disagreement, rationale needed/,
  });
  await expect(flagged).toBeVisible();
  await expect(page.getByRole("button", { name: "Lock scorecard" })).toBeDisabled();
  await expect(
    page.getByText(/Rationale needed before locking: Aldermoor Biologics on "Quality systems and audit"/),
  ).toBeVisible();
  await expectAccessible(page);
  await flagged.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("Eva Lindqvist")).toBeVisible();
  await dialog.getByLabel("Team rationale").fill("Adam audited the site in October; Eva scored from the 2023 report.");
  await dialog.getByRole("button", { name: "Save rationale" }).click();
  await expect(page.getByText("Rationale recorded.")).toBeVisible();
  await page.getByRole("button", { name: "Lock scorecard" }).click();
  await expect(page.getByText("Scorecard locked.")).toBeVisible();
  await expect(page.getByText(/^Locked by/)).toBeVisible();

  // Results: the leader, the flip point, the slider past it, the acceptability bars.
  await page.getByRole("link", { name: "Results", exact: true }).click();
  const leader = page.getByTestId("leader");
  await expect(leader).toHaveText("Leader: Northbridge Biologics");
  // Take a criterion whose interval stops short of 0% or 100% and move its slider past that end.
  const items = await page.getByTestId("flip-intervals").locator("li p").allTextContents();
  const flip = items
    .map((t) => ({ t, name: t.split(":")[0]!, above: /Above ([\d.]+)%/.exec(t), below: /Below ([\d.]+)%/.exec(t) }))
    .find((x) => x.above || x.below);
  expect(flip, `a criterion with a flip point among: ${items.join(" | ")}`).toBeTruthy();
  const slider = page.getByLabel(flip!.name, { exact: true });
  await slider.focus();
  await slider.press(flip!.above ? "End" : "Home");
  await expect(leader).not.toHaveText("Leader: Northbridge Biologics");
  await page.getByRole("button", { name: "Back to the team's weights" }).click();
  await expect(leader).toHaveText("Leader: Northbridge Biologics");
  await expect(
    page.getByTestId("acceptability").getByText(/Northbridge Biologics ranks first in \d+% of weightings/),
  ).toBeVisible();
  await expectAccessible(page);

  // The XLSX export has the page's totals.
  const pageTotals = new Map<string, string>();
  for (const row of await page.getByTestId("ranking").locator("tbody tr").all())
    pageTotals.set((await row.getAttribute("data-vendor"))!, (await row.getByTestId("total").textContent())!);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export XLSX" }).click();
  const file = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet("Comparison")!;
  const header = (sheet.getRow(1).values as unknown[]).slice(3) as string[];
  const totals = (sheet.getRow(2).values as unknown[]).slice(3) as (number | null)[];
  expect(header).toHaveLength(VENDORS.length);
  header.forEach((h, i) => {
    const name = h.replace(/^\d+\. /, "");
    expect(pageTotals.get(name)).toBe(totals[i] === null ? "–" : totals[i]!.toFixed(2));
  });
});
