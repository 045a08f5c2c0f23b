import { expect, test, type Page } from "@playwright/test";
import { DEMO, SPONSOR_SLUG, expectAccessible, login, unique } from "./helpers";

// A sponsor's programme from nothing to its first RFP: the programme form (stages put in order
// with the keyboard only), the programme's home with its assumptions, a draft RFP from the mAb
// template, and the RFP listed back on the programme page.

const listUrl = `/${SPONSOR_SLUG}/programmes`;

const stageItems = (page: Page) => page.getByRole("list", { name: "Selected stages" }).getByRole("listitem");

async function addStage(page: Page, label: string) {
  // Keyboard only: choose in the select, then Enter adds it.
  const select = page.getByLabel("Add a stage");
  await select.selectOption({ label });
  await select.press("Enter");
  await expect(stageItems(page).filter({ hasText: label })).toHaveCount(1);
}

test("a sponsor creates a programme, orders its stages by keyboard and starts an RFP from the mAb template", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await login(page, DEMO.sponsorOwner, undefined, listUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Programmes" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Programmes", exact: true })).toHaveAttribute("aria-current", "page");
  await page.waitForLoadState("networkidle");
  await expectAccessible(page);

  await page.getByRole("link", { name: "New programme" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New programme" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const name = unique("HX-mAb programme");
  await page.getByLabel("Programme name").fill(name);
  await page.getByLabel("Molecule").fill("HX-101");
  await page.getByLabel("Modality").selectOption({ label: "mAb" });
  await page.getByLabel("Phase", { exact: true }).selectOption({ label: "Phase 1" });
  for (const s of ["Cell line development", "Drug substance (clinical)", "Process development", "Aseptic fill-finish"])
    await addStage(page, s);

  // Process development belongs before drug substance: move it up with the keyboard.
  await page.getByRole("button", { name: "Move Process development up" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Process development moved to position 2 of 4.")).toBeAttached();
  // Focus stayed on the button that moved with its stage, so Space moves it again, to the top...
  await expect(page.getByRole("button", { name: "Move Process development up" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByText("Process development moved to position 1 of 4.")).toBeAttached();
  // ...where "up" is disabled, so focus is on its "down" button: one Enter puts it back second.
  await expect(page.getByRole("button", { name: "Move Process development down" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(stageItems(page)).toHaveText([
    /Cell line development/,
    /Process development/,
    /Drug substance \(clinical\)/,
    /Aseptic fill-finish/,
  ]);

  await page.getByLabel("Budget", { exact: true }).fill("12500000");
  // The defaults are shown and filled in; change one.
  await expect(page.getByLabel(/^Cost of delay per week/)).toHaveValue("500000");
  await expect(page.getByLabel(/^Onboarding/)).toHaveValue("8");
  await page.getByLabel(/^Onboarding/).fill("6");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create programme" }).click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${listUrl}/[^/]+$`));
  const programmeUrl = page.url();
  await expect(page.getByRole("list", { name: "Stages in order" }).getByRole("listitem")).toHaveText([
    /Cell line development/,
    /Process development/,
    /Drug substance \(clinical\)/,
    /Aseptic fill-finish/,
  ]);
  const assumptions = page.getByRole("region", { name: "Portfolio assumptions" });
  await expect(assumptions.getByText("1 of 9 changed from the decision model's defaults.")).toBeVisible();
  await expect(assumptions.getByText(/^6 weeks/)).toHaveText(/6 weeks\s*Set for this programme/);
  await expect(assumptions.getByText("Set for this programme")).toHaveCount(1);
  await expect(assumptions.getByText("Default", { exact: true })).toHaveCount(8);
  await expect(page.getByRole("link", { name: /^Open the board/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Create the first RFP" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New RFP" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /^mAb drug substance and drug product/ })).toBeChecked();
  await expect(page.getByText("Suggested for mAb")).toBeVisible();
  const preview = page.getByRole("region", { name: "Sections of the new RFP" });
  await expect(preview.getByText(/^Company and quality system \(/)).toBeVisible();
  await expect(preview.getByText(/^Commercial \(\d+ questions, 4 price lines\)/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create draft RFP" }).click();

  await expect(page).toHaveURL(new RegExp(`/${SPONSOR_SLUG}/rfps/[^/]+$`));
  const title = `${name}: mAb drug substance and drug product`;
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.goto(programmeUrl);
  const rfps = page.getByRole("table", { name: "RFPs of this programme" });
  const row = rfps.getByRole("row").filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row.getByText("Draft", { exact: true })).toBeVisible();
  await expect(row.getByText("Not set")).toBeVisible();

  // The list counts it.
  await page.goto(listUrl);
  const listed = page.getByRole("table", { name: "Programmes" }).getByRole("row").filter({ hasText: name });
  await expect(listed.getByRole("list", { name: `RFPs of ${name} by status` })).toHaveText(/1\s*Draft/);
});

test("a viewer reads programmes but is not offered to create one", async ({ page }) => {
  await login(page, DEMO.sponsorViewer, undefined, listUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Programmes" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("link", { name: "New programme" })).toHaveCount(0);
  await page.goto(`${listUrl}/new`);
  await expect(page.getByText("You need the owner or admin or evaluator role to create programmes")).toBeVisible();
});

test("a save based on a version someone else changed keeps the typed text and says what they changed", async ({
  browser,
}) => {
  test.setTimeout(180_000); // two sign-ins
  const a = await (await browser.newContext()).newPage();
  await login(a, DEMO.sponsorOwner, undefined, `${listUrl}/new`);
  await a.waitForLoadState("networkidle");
  const name = unique("Conflict programme");
  await a.getByLabel("Programme name").fill(name);
  await a.getByLabel("Molecule").fill("CF-1");
  await a.getByLabel("Modality").selectOption({ label: "ADC" });
  await a.getByLabel("Phase", { exact: true }).selectOption({ label: "Phase 2" });
  await addStage(a, "Process development");
  await a.getByRole("button", { name: "Create programme" }).click();
  await expect(a.getByRole("heading", { level: 1, name })).toBeVisible();
  const editUrl = `${a.url()}/edit`;

  const b = await (await browser.newContext()).newPage();
  await login(b, DEMO.sponsorAdmin, undefined, editUrl);
  await a.goto(editUrl);
  await expect(a.getByLabel("Molecule")).toHaveValue("CF-1");
  await expect(b.getByLabel("Molecule")).toHaveValue("CF-1");
  await b.waitForLoadState("networkidle");
  await b.getByLabel("Budget", { exact: true }).fill("3000000");
  await b.getByRole("button", { name: "Save changes" }).click();
  await expect(b.getByRole("heading", { level: 1, name })).toBeVisible();

  await a.getByLabel("Molecule").fill("CF-1b");
  await a.getByRole("button", { name: "Save changes" }).click();
  const notice = a.getByRole("status").filter({ hasText: "Someone else saved this programme" });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole("listitem")).toHaveText(["Budget: now $3,000,000"]);
  await expect(a.getByLabel("Molecule")).toHaveValue("CF-1b");
  await expectAccessible(a);
  // Merge: take their budget, keep my molecule, save onto their version.
  await a.getByLabel("Budget", { exact: true }).fill("3000000");
  await a.getByRole("button", { name: "Save my version over theirs" }).click();
  await expect(a.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(a.getByText(`CF-1b · ADC · Phase 2`)).toBeVisible();
  await expect(a.getByText("$3,000,000")).toBeVisible();
});
