import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, SPONSOR_SLUG, expectAccessible, login, unique } from "./helpers";

// The RFP builder: a sponsor opens a draft made from the mAb template, adds a question, moves a
// question with the keyboard (dnd-kit's keyboard sensor), sets the due date in another time
// zone, saves, and finds all of it after a reload. Two people saving from the same version: the
// second is told, keeps every word typed, and can load the other's version with theirs listed.

// The reader sits in New York; the due date is set in Berlin.
test.use({ timezoneId: "America/New_York" });

async function post<T>(page: Page, path: string, json: Record<string, unknown>): Promise<T> {
  const res = await page.request.post(`/api/trpc/${path}`, { data: { json } });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return (await res.json()).result.data.json as T;
}

/** A programme and a draft RFP from the mAb template, made through the API as the signed-in sponsor. */
async function draftRfp(page: Page): Promise<string> {
  const orgSlug = SPONSOR_SLUG;
  const programme = await post<{ id: string }>(page, "programme.create", {
    orgSlug,
    name: unique("Builder programme"),
    molecule: "HLX-7",
    modality: "MAB",
    phase: "PHASE_1",
    stages: ["DS_CLIN", "FILL"],
  });
  const rfp = await post<{ id: string }>(page, "rfp.create", {
    orgSlug,
    programmeId: programme.id,
    from: "template",
    templateKey: "mab-ds-dp",
  });
  return rfp.id;
}

const builderUrl = (rfpId: string) => `/${SPONSOR_SLUG}/rfps/${rfpId}/edit`;

async function openBuilder(page: Page, rfpId: string) {
  await page.goto(builderUrl(rfpId));
  await expect(page.getByRole("heading", { name: "Sections and questions" })).toBeVisible({ timeout: 30_000 });
}

/** The question rows of section 1, as their summary buttons read. */
const section1 = (page: Page) => page.getByRole("list", { name: "Questions in section 1" });
/** The button that opens question `n` ("1.2"); its text is the question. */
const questionName = (page: Page, n: string) =>
  page.getByRole("group", { name: `Question ${n}`, exact: true }).locator("button[aria-expanded]");

test("build an RFP: add a question, move one with the keyboard, set the due date in Berlin, save, reload", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await login(page, DEMO.sponsorOwner);
  const rfpId = await draftRfp(page);
  await openBuilder(page, rfpId);
  await expect(page.getByTestId("save-state")).toHaveText("No changes yet");
  await expectAccessible(page);

  // Add a yes/no question at the end of section 1; its text box gets the cursor.
  const before = await section1(page).getByRole("listitem").count();
  await page.getByRole("button", { name: "Add question to section 1" }).click();
  await page.getByRole("menuitem", { name: "Yes / no" }).click();
  const added = `Do you hold an EU GMP certificate? ${unique("q")}`;
  await expect(page.getByLabel("Question", { exact: true })).toBeFocused();
  await page.getByLabel("Question", { exact: true }).fill(added);
  await expect(section1(page).getByRole("listitem")).toHaveCount(before + 1);
  await expect(page.getByTestId("save-state")).toHaveText("Unsaved changes");
  await expectAccessible(page);

  // Move question 1.1 down one place with the keyboard: Space lifts, ArrowDown moves, Space drops.
  const first = (await questionName(page, "1.1").innerText()).trim();
  const second = (await questionName(page, "1.2").innerText()).trim();
  const handle = page.getByRole("button", { name: /^Move question 1\.1:/ });
  await handle.focus();
  await page.keyboard.press("Space");
  await expect(page.getByText(/Picked up question/)).toBeAttached();
  // When the next place lies past the middle of the window, dnd-kit's first arrow press scrolls
  // the page instead of moving; a person presses again, and so does this test.
  for (let i = 0; i < 4 && !(await page.getByText(/is over position 2 of/).count()); i++) {
    await page.keyboard.press("ArrowDown");
    await page.waitForTimeout(300);
  }
  await expect(page.getByText(/is over position 2 of/)).toBeAttached();
  await page.keyboard.press("Space");
  await expect(page.getByText(/dropped at position 2 of/)).toBeAttached();
  await expect(questionName(page, "1.1")).toHaveText(second);
  await expect(questionName(page, "1.2")).toHaveText(first);

  // Due 14 March 2031, 17:00 in Berlin (still on winter time) = 12:00 in New York (already on summer time).
  await page.getByLabel("Date and time").fill("2031-03-14T17:00");
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await expect(
    page.getByText(/^That is Fri, 14 Mar 2031, 12:00 (EDT|GMT-4) in your time zone \(America\/New York\)\.$/),
  ).toBeVisible();

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");

  await page.reload();
  await expect(page.getByRole("heading", { name: "Sections and questions" })).toBeVisible({ timeout: 30_000 });
  await expect(questionName(page, "1.1")).toHaveText(second);
  await expect(questionName(page, "1.2")).toHaveText(first);
  await expect(section1(page).getByText(added)).toBeVisible();
  await expect(page.getByLabel("Date and time")).toHaveValue("2031-03-14T17:00");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await expect(page.getByTestId("save-state")).toHaveText("No changes yet");

  // The preview shows the due date in the reader's zone and the new question as a CDMO reads it.
  await page.getByRole("button", { name: "Preview as a CDMO" }).click();
  await expect(page.getByText(/^Fri, 14 Mar 2031, 12:00 (EDT|GMT-4)$/)).toBeVisible();
  await expect(page.getByText(added)).toBeVisible();
  await expectAccessible(page);
});

async function builderAs(browser: Browser, rfpId: string): Promise<Page> {
  const page = await (await browser.newContext({ timezoneId: "America/New_York" })).newPage();
  await login(page, DEMO.sponsorOwner);
  await openBuilder(page, rfpId);
  return page;
}

test("a save over a version someone else saved is refused, keeps the text, and offers their version", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await login(page, DEMO.sponsorOwner);
  const rfpId = await draftRfp(page);
  const a = await builderAs(browser, rfpId);
  const b = await builderAs(browser, rfpId);

  const theirTitle = unique("Their title");
  await b.getByLabel("Title", { exact: true }).fill(theirTitle);
  await b.getByRole("button", { name: "Save", exact: true }).click();
  await expect(b.getByTestId("save-state")).toHaveText("All changes saved");

  // A still has the version from before B's save.
  const mySummary = `My unsaved summary ${unique("s")}`;
  await a.getByLabel("Summary (optional)").fill(mySummary);
  await a.getByRole("button", { name: "Save", exact: true }).click();
  await expect(a.getByText("Someone else saved this RFP while you were editing")).toBeVisible();
  await expect(a.getByLabel("Summary (optional)")).toHaveValue(mySummary);
  await expect(a.getByText(`Title changed to “${theirTitle}”.`)).toBeVisible();
  await expect(a.getByText("Summary changed.")).toBeVisible();
  await expect(a.getByTestId("save-state")).toHaveText("Unsaved changes");
  await expectAccessible(a);

  // Loading their version shows their title, and lists (with the text) what A had typed.
  await a.getByRole("button", { name: "Reload their version" }).click();
  await expect(a.getByLabel("Title", { exact: true })).toHaveValue(theirTitle);
  await expect(a.getByText("Their version is loaded. Your unsaved changes, to apply again:")).toBeVisible();
  await a.getByText("Show the text you had typed").click();
  await expect(a.getByText(`Summary: ${mySummary}`)).toBeVisible();

  // Applying it again now saves over the current version.
  await a.getByLabel("Summary (optional)").fill(mySummary);
  await a.getByRole("button", { name: "Save", exact: true }).click();
  await expect(a.getByTestId("save-state")).toHaveText("All changes saved");
  await b.reload();
  await expect(b.getByLabel("Summary (optional)")).toHaveValue(mySummary, { timeout: 30_000 });
  await expect(b.getByLabel("Title", { exact: true })).toHaveValue(theirTitle);
});
