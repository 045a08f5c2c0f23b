import { expect, test, type Browser, type Page } from "@playwright/test";
import { CDMO_SLUG, DEMO, SPONSOR_SLUG, confirmSignUp, expectAccessible, login, outboxLink, unique } from "./helpers";
import { answerRequired, attachPdf, fillPrice, questionsOf, saveStatus, submitResponse } from "./response-helpers";

// The whole selection between two kinds of tenant, in real browsers and on the real clock:
// Helix builds a sealed RFP from the mAb template and invites Northbridge (a platform CDMO) and an
// e-mail address; the address's owner signs up as a new CDMO through the link; Northbridge answers
// with a price per stage and a file, reloads mid-answer, submits; a clarification goes round
// without saying who asked; before the due date no price reaches the sponsor (page, API, export);
// the due date is moved close, the RFP closes by itself, the sponsor sees the responses side by
// side, and a revision round keeps both versions.

const BERLIN = "Europe/Berlin";
// Prices no other journey uses, so "not on the page / in the log" cannot match something else.
const ROUND1_PRICE = "1,236,480";
const ROUND2_PRICE = "1,098,765";

/** Wall-clock "yyyy-MM-ddTHH:mm" in Berlin for an instant (what a datetime-local input takes). */
function berlinLocal(at: Date): string {
  const parts = new Intl.DateTimeFormat("sv-SE", {
    timeZone: BERLIN,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
  return parts.replace(" ", "T");
}

/** The next whole minute at least `ms` from now (datetime-local has minutes only). */
const minuteAfter = (ms: number) => new Date(Math.ceil((Date.now() + ms) / 60_000) * 60_000);

async function pageIn(browser: Browser, timezoneId: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId, viewport: { width: 1366, height: 900 } });
  return context.newPage();
}

async function trpcGet(page: Page, path: string, input: Record<string, unknown>) {
  const q = encodeURIComponent(JSON.stringify({ json: input }));
  return page.request.get(`/api/trpc/${path}?input=${q}`);
}

/** On the builder page: set the due date in Berlin and save (telling invitees when published). */
async function setDueDate(page: Page, due: Date, published: boolean) {
  await page.getByLabel("Date and time").fill(berlinLocal(due));
  await page.getByLabel("Time zone").selectOption(BERLIN);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  if (published) {
    const dialog = page.getByRole("alertdialog", { name: "Tell invitees about these changes?" });
    await expect(dialog.getByText(/due/i).first()).toBeVisible();
    await dialog.getByRole("button", { name: "Save and tell invitees" }).click();
  }
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
}

async function openBuilder(page: Page, rfpUrl: string) {
  await page.goto(`${rfpUrl}/edit`);
  await expect(page.getByRole("heading", { name: "Sections and questions" })).toBeVisible({ timeout: 30_000 });
}

test("a sealed RFP from template to side by side and a revision round, across both tenants", async ({ browser }) => {
  test.setTimeout(900_000);
  const sponsor = await pageIn(browser, BERLIN);
  const nora = await pageIn(browser, "America/New_York");
  const newcomer = await pageIn(browser, "Asia/Singapore");

  // --- Helix builds the RFP from the mAb template. ---
  await login(sponsor, DEMO.sponsorOwner);
  const programmeName = unique("Journey programme");
  const created = await sponsor.request.post("/api/trpc/programme.create", {
    data: {
      json: {
        orgSlug: SPONSOR_SLUG,
        name: programmeName,
        molecule: "HLX-9",
        modality: "MAB",
        phase: "PHASE_1",
        stages: ["DS_CLIN", "FILL"],
      },
    },
  });
  expect(created.status()).toBe(200);
  const programmeId = ((await created.json()) as { result: { data: { json: { id: string } } } }).result.data.json.id;
  await sponsor.goto(`/${SPONSOR_SLUG}/programmes/${programmeId}`);
  await sponsor.getByRole("link", { name: "Create the first RFP" }).click();
  await expect(sponsor.getByRole("radio", { name: /^mAb drug substance and drug product/ })).toBeChecked();
  const title = unique("Journey RFP");
  await sponsor.getByLabel("Title").fill(title);
  await sponsor.getByRole("button", { name: "Create draft RFP" }).click();
  await expect(sponsor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const rfpUrl = new URL(sponsor.url()).pathname;
  const rfpId = rfpUrl.split("/").pop()!;

  // Keep the commercial section (its price line per stage), add a file question, seal, set a due date.
  await sponsor.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(sponsor.getByRole("heading", { name: "Sections and questions" })).toBeVisible({ timeout: 30_000 });
  for (let i = 0; i < 3; i++) {
    await sponsor.getByRole("button", { name: "Remove section" }).first().click();
    await sponsor.getByRole("alertdialog").getByRole("button", { name: "Remove section" }).click();
  }
  await expect(sponsor.getByLabel("Section 1 title")).toHaveValue("Commercial");
  await sponsor.getByRole("button", { name: "Add question to section 1" }).click();
  await sponsor.getByRole("menuitem", { name: "File upload" }).click();
  await sponsor.getByLabel("Question", { exact: true }).fill("Attach your current GMP certificate.");
  await sponsor.getByLabel("Seal the prices until the due date").check();
  await setDueDate(sponsor, minuteAfter(2 * 3600_000), false);

  // Invite a platform CDMO and an address not yet on the platform, then publish.
  await sponsor.goto(rfpUrl);
  const invitations = sponsor.getByRole("region", { name: "Invited CDMOs" });
  await sponsor.getByLabel("Search platform CDMOs").fill("Northbridge");
  await sponsor.getByRole("button", { name: "Invite Northbridge Biologics" }).click();
  await expect(invitations.getByText("Northbridge Biologics").first()).toBeVisible();
  const newEmail = `${unique("bd")}@meridian-fill.example`;
  await sponsor.getByLabel("E-mail address").fill(newEmail);
  await sponsor.getByRole("button", { name: "Add to invitations" }).click();
  await expect(invitations.getByText(newEmail, { exact: true })).toBeVisible();
  await expectAccessible(sponsor);
  await sponsor.getByRole("button", { name: "Publish…" }).click();
  await sponsor.getByRole("button", { name: "Publish and send invitations" }).click();
  await expect(sponsor.getByText("Open for responses").first()).toBeVisible();

  // --- The address's owner follows the e-mail, signs up as a new CDMO and accepts. ---
  const inviteLink = await outboxLink(newcomer, newEmail, "/rfp-invite/");
  await newcomer.goto(inviteLink);
  await newcomer.getByRole("link", { name: "Create a CDMO account" }).click();
  await newcomer.getByLabel("Your name").fill("Mara Meridian");
  await expect(newcomer.getByLabel("E-mail")).toHaveValue(newEmail);
  const password = "aseptic-line-three-2026";
  await newcomer.getByLabel("Password", { exact: true }).fill(password);
  await newcomer.getByLabel("Organisation name").fill(unique("Meridian Fill"));
  await expect(newcomer.getByLabel("CDMO (contract manufacturer)")).toBeChecked();
  await newcomer.getByRole("button", { name: "Create account" }).click();
  await expect(newcomer.getByText("Check your e-mail")).toBeVisible();
  await confirmSignUp(newcomer, newEmail, password);
  await newcomer.goto(inviteLink);
  await newcomer.getByRole("button", { name: /^Accept for / }).click();
  await expect(newcomer).toHaveURL(new RegExp(`/inbox/${rfpId}$`));
  await expect(newcomer.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const newcomerSlug = new URL(newcomer.url()).pathname.split("/")[1]!;
  // Nothing on its page names the other invitee.
  await expect(newcomer.getByText("Northbridge")).toHaveCount(0);

  // --- Northbridge asks a question, then answers. ---
  await login(nora, DEMO.cdmoOwner);
  await nora.goto(`/${CDMO_SLUG}/inbox`);
  await nora.getByRole("link", { name: title }).click();
  await expect(nora.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(nora.getByText(newEmail)).toHaveCount(0);
  await expect(nora.getByText("Meridian")).toHaveCount(0);
  const asked = "Northbridge asks: may the fill be split across two sites?";
  await nora.getByLabel("Ask a question").fill(asked);
  await nora.getByRole("button", { name: "Send question" }).click();
  await expect(nora.getByText(asked)).toBeVisible();
  await expectAccessible(nora);

  await nora.getByRole("link", { name: "Start response" }).click();
  await expect(nora).toHaveURL(/\/respond$/);
  await expect(saveStatus(nora)).toBeVisible();
  const prices = questionsOf(nora, "price");
  await expect(prices).toHaveCount(2);
  await fillPrice(prices.nth(0), ROUND1_PRICE, "16");
  // Reload mid-answer, before autosave's pause: the text is still there.
  await fillPrice(prices.nth(1), "487,321", "6");
  await nora.reload();
  await expect(
    questionsOf(nora, "price")
      .nth(1)
      .getByLabel(/^Price/),
  ).toHaveValue(/487,?321/);
  await expect(
    questionsOf(nora, "price")
      .nth(0)
      .getByLabel(/^Price/),
  ).toHaveValue(/1,?236,?480/);
  await attachPdf(nora, "northbridge-gmp.pdf");
  await answerRequired(nora);
  await expect(saveStatus(nora)).toHaveText(/^Saved/);
  await submitResponse(nora, 1);

  // --- The sponsor answers to every invitee; the newcomer reads it without the asker. ---
  await sponsor.reload();
  const clar = sponsor.getByRole("region", { name: "Clarifications" });
  await expect(clar.getByText(asked).first()).toBeVisible();
  await expect(clar.getByText("Northbridge Biologics").first()).toBeVisible();
  await clar.getByLabel("Every invitee (the question is shown without who asked)").check();
  const reworded = "May the fill be split across two sites?";
  await clar.getByLabel("Question as every invitee will read it").fill(reworded);
  const answer = "Yes, if both sites are named in the response and hold the same licence.";
  await clar.getByLabel("Answer").fill(answer);
  await clar.getByRole("button", { name: "Send answer" }).click();
  await expect(clar.getByText(answer)).toBeVisible();

  await newcomer.reload();
  const theirs = newcomer.getByRole("region", { name: "Clarifications" });
  await expect(theirs.getByText(reworded)).toBeVisible();
  await expect(theirs.getByText(answer)).toBeVisible();
  await expect(newcomer.getByText("Northbridge")).toHaveCount(0);
  await expect(newcomer.getByText(asked)).toHaveCount(0);
  const theirClarifications = await trpcGet(newcomer, "clarification.listAsInvitee", { orgSlug: newcomerSlug, rfpId });
  expect(theirClarifications.status()).toBe(200);
  expect(await theirClarifications.text()).not.toMatch(/Northbridge|northbridge/);

  // --- Sealed: before the due date no price reaches Helix, on the page, through the API or in an export. ---
  await sponsor.goto(`${rfpUrl}/responses`);
  await expect(sponsor.getByRole("heading", { name: "Sealed until the due date" })).toBeVisible();
  await expect(sponsor.getByText("1 response submitted").first()).toBeVisible();
  await expect(sponsor.getByText(/1,?236,?480/)).toHaveCount(0);
  await expect(sponsor.getByRole("button", { name: "Export CSV" })).toBeDisabled();
  const matrix = await trpcGet(sponsor, "responses.matrix", { orgSlug: SPONSOR_SLUG, rfpId, round: 1 });
  expect(matrix.status()).toBe(200);
  expect(await matrix.text()).not.toMatch(/1236480|487321/);
  const csv = await trpcGet(sponsor, "responses.exportCsv", { orgSlug: SPONSOR_SLUG, rfpId, round: 1 });
  expect(csv.status()).toBe(412);
  const audit = await trpcGet(sponsor, "audit.list", { orgSlug: SPONSOR_SLUG, limit: 100 });
  expect(audit.status()).toBe(200);
  expect(await audit.text()).not.toMatch(/1236480|487321/);

  // --- The due date moves close; the RFP closes by itself when it passes. ---
  // (The journeys' server gives a minute's notice, RFP_MIN_NOTICE_MINUTES=1, instead of an hour.)
  const due = minuteAfter(75_000);
  await openBuilder(sponsor, rfpUrl);
  await setDueDate(sponsor, due, true);
  await nora.goto(`/${CDMO_SLUG}/inbox/${rfpId}`);
  await expect(nora.getByRole("region", { name: "Changes since publication" })).toBeVisible();
  await sponsor.waitForTimeout(Math.max(0, due.getTime() - Date.now()) + 2_000);
  await sponsor.goto(rfpUrl);
  await expect(sponsor.getByText("Closed", { exact: true }).first()).toBeVisible();

  // --- Side by side: the price per stage and the total. ---
  await sponsor.goto(`${rfpUrl}/responses`);
  const table = sponsor.getByRole("region", { name: "Price lines per stage, scrolls sideways" });
  await expect(table.getByRole("columnheader", { name: /Northbridge Biologics/ })).toBeVisible();
  await expect(table.getByText(/1,236,480/).first()).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Total" })).toBeVisible();
  await expectAccessible(sponsor);
  await sponsor.screenshot({ path: "test-results/journey-side-by-side-1366.png" });

  // --- A revision round: Northbridge lowers its price; both versions stay. ---
  await sponsor.goto(rfpUrl);
  await sponsor.getByRole("button", { name: "Open revision round…" }).click();
  await sponsor.getByLabel("New due date and time").fill(berlinLocal(minuteAfter(30 * 60_000)));
  await sponsor.getByLabel("Time zone").selectOption(BERLIN);
  await sponsor.getByLabel("Note to invitees (optional)").fill("Please sharpen the drug substance price.");
  await sponsor.getByRole("button", { name: "Open round" }).click();
  await expect(sponsor.getByText("Revision round 2")).toBeVisible();

  await nora.goto(`/${CDMO_SLUG}/inbox/${rfpId}/respond`);
  const round2 = questionsOf(nora, "price")
    .nth(0)
    .getByLabel(/^Price/);
  await expect(round2).toHaveValue(/1,?236,?480/); // prefilled from round 1
  await round2.fill(ROUND2_PRICE);
  await expect(saveStatus(nora)).toHaveText(/^Saved/);
  await submitResponse(nora, 2);
  await nora
    .getByRole("navigation", { name: "Rounds" })
    .getByRole("button", { name: /^Round 1/ })
    .click();
  await expect(nora.getByText(/1,236,480/).first()).toBeVisible();
  await nora
    .getByRole("navigation", { name: "Rounds" })
    .getByRole("button", { name: /^Round 2/ })
    .click();
  await expect(nora.getByText(/1,098,765/).first()).toBeVisible();

  // The sponsor still reads round 1 as submitted; round 2 is sealed until its own due date.
  await sponsor.goto(`${rfpUrl}/responses`);
  await expect(sponsor.getByRole("heading", { name: "Sealed until the due date" })).toBeVisible();
  await sponsor.getByLabel("Round", { exact: true }).selectOption({ label: "Round 1 (earlier version)" });
  await expect(table.getByText(/1,236,480/).first()).toBeVisible();
  await expect(sponsor.getByText(/1,098,765/)).toHaveCount(0);
});
