import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, login, logout, SPONSOR_SLUG } from "./helpers";
import { answerRequired, fillPrice, PDF, questionsOf, saveStatus } from "./response-helpers";

// The CDMO's response editor on the demo seed: Aldermoor Biologics is invited to the open RFP
// ("second source") and has not answered it. Hannah answers every required question, a price line
// per stage and a file; reloads mid-answer and goes offline without losing text; submits; and the
// page turns read-only with the receipt. Northbridge's two members then edit their draft at once.

const OPEN_RFP = "HLX-204 commercial-ready supply, second source";

const status = saveStatus;
const questions = questionsOf;

async function openResponse(page: Page, email: string, title = OPEN_RFP) {
  await login(page, email);
  await page.getByRole("link", { name: "Inbox", exact: true }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await page.getByRole("link", { name: title }).first().click();
  await page.getByRole("link", { name: /Start response|View your response/ }).click();
  await expect(page).toHaveURL(/\/respond$/);
  await expect(page.getByRole("heading", { name: `Your response: ${title}` })).toBeVisible();
}

test("a CDMO answers with prices per stage and a file, survives a reload and going offline, submits and gets a receipt", async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await openResponse(page, "hannah.bd@aldermoor.example");
  await expect(status(page)).toBeVisible();
  await expect(page.getByText(/0 of \d+ required questions answered/)).toBeVisible();

  // Reload mid-answer, before autosave has had its pause: the device kept the text and sends it.
  const first = questions(page, "text").first().locator("textarea");
  await first.fill("Aldermoor Biologics, Leeds: 2,000 L single-use trains");
  await page.reload();
  await expect(questions(page, "text").first().locator("textarea")).toHaveValue(
    "Aldermoor Biologics, Leeds: 2,000 L single-use trains",
  );
  await expect(status(page)).toHaveText(/^Saved \d\d:\d\d$/);
  await page.reload();
  await expect(questions(page, "text").first().locator("textarea")).toHaveValue(
    "Aldermoor Biologics, Leeds: 2,000 L single-use trains",
  );

  // Offline: kept on the device, sent when the connection is back.
  await context.setOffline(true);
  await questions(page, "text").nth(1).locator("textarea").fill("Typed while the connection was down.");
  await expect(status(page)).toHaveText("Offline — changes kept on this device");
  await context.setOffline(false);
  await expect(status(page)).toHaveText(/^Saved \d\d:\d\d$/);

  // A price line per stage, with the domain's message for an inconsistent range.
  const prices = questions(page, "price");
  const stages = await prices.count();
  expect(stages).toBeGreaterThan(1);
  const line = prices.first();
  await fillPrice(line, "1,250,000", "14");
  await line.getByLabel("Shortest (weeks)").fill("20");
  await line.getByLabel("Longest (weeks)").fill("18");
  await line.getByLabel("What the price includes").focus();
  await expect(line.getByText("The shortest duration cannot be longer than the expected duration.")).toBeVisible();
  await line.getByLabel("Shortest (weeks)").fill("12");
  await expect(line.getByText("The shortest duration cannot be longer than the expected duration.")).toHaveCount(0);
  await line.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/response-editor-price-1366.png" });
  for (let i = 1; i < stages; i++) await fillPrice(prices.nth(i), String(200_000 + i * 10_000), String(6 + i));

  // A file answer: uploaded, attached, listed.
  const fileBox = questions(page, "file").first();
  await fileBox
    .locator("input[type=file]")
    .setInputFiles({ name: "gmp-certificate.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(fileBox.getByRole("link", { name: "gmp-certificate.pdf" })).toBeVisible();

  await answerRequired(page);
  await expect(page.getByText("Every required question is answered.")).toBeVisible();
  await expect(status(page)).toHaveText(/^Saved \d\d:\d\d$/);
  await page.reload();
  await expect(prices.first().getByLabel(/^Price/)).toHaveValue("1250000");
  await expect(fileBox.getByRole("link", { name: "gmp-certificate.pdf" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/response-editor-1366.png" });

  // Submit: a confirmation that it is final, then read-only with the receipt.
  await page.getByRole("button", { name: "Submit response" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Submit your response?" });
  await expect(dialog.getByText(/final for this round/)).toBeVisible();
  await dialog.getByRole("button", { name: "Submit final response" }).click();
  await expect(page.getByText("Submitted: final for round 1")).toBeVisible();
  await expect(page.getByTestId("receipt-hash")).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByText("Hannah Price").first()).toBeVisible();
  await expect(page.locator("textarea")).toHaveCount(0);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download receipt" }).click();
  expect((await download).suggestedFilename()).toMatch(/^receipt-round-1-[0-9a-f]{12}\.txt$/);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/response-editor-submitted-1366.png", fullPage: false });

  await page.reload();
  await expect(page.getByText("Submitted: final for round 1")).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit response" })).toHaveCount(0);
});

test("two members editing one draft: the second save is told, keeps its text and chooses", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const a = await (await browser.newContext({ baseURL })).newPage();
  const b = await (await browser.newContext({ baseURL })).newPage();
  await openResponse(a, "nora.owner@northbridge.example");
  await openResponse(b, "ravi.responder@northbridge.example");

  const areaOf = (p: Page) => questions(p, "text").first().locator("textarea");
  await areaOf(a).fill("Nora's overview of the Worcester site.");
  await expect(status(a)).toHaveText(/^Saved/);
  await areaOf(b).fill("Ravi's overview, typed at the same time.");
  await expect(status(b)).toHaveText(/^Conflict/);
  await expect(areaOf(b)).toHaveValue("Ravi's overview, typed at the same time.");
  await expect(b.getByText("Nora's overview of the Worcester site.")).toBeVisible();
  await expectAccessible(b);
  await b.getByRole("button", { name: "Keep mine for this question" }).click();
  await expect(status(b)).toHaveText(/^Saved/);

  await a.reload();
  await expect(areaOf(a)).toHaveValue("Ravi's overview, typed at the same time.");
});

test("a revision round: the new draft starts from the submitted answers and round 1 stays readable", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  // The sponsor opens round 2 on the closed RFP every platform CDMO answered.
  await login(page, DEMO.sponsorOwner);
  const list = await page.request.get(
    `/api/trpc/notification.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: 100 } }))}`,
  );
  const items = ((await list.json()) as { result: { data: { json: { items: { title: string; link: string }[] } } } })
    .result.data.json.items;
  const rfpId = /\/rfps\/([^/?#]+)/.exec(items.find((n) => n.title.startsWith("Graz Biologics"))!.link)![1]!;
  const editor = await page.request.get(
    `/api/trpc/rfp.editor?input=${encodeURIComponent(JSON.stringify({ json: { orgSlug: SPONSOR_SLUG, rfpId } }))}`,
  );
  const { version } = ((await editor.json()) as { result: { data: { json: { version: number } } } }).result.data.json;
  const dueAt = new Date(Date.now() + 10 * 24 * 3600 * 1000).toISOString();
  const opened = await page.request.post("/api/trpc/rfp.openRevisionRound", {
    data: { json: { orgSlug: SPONSOR_SLUG, rfpId, dueAt, version, note: "Best and final offer, please." } },
  });
  expect(opened.status()).toBe(200);
  await logout(page);

  await openResponse(page, "lukas.bd@graz-biologics.example", "HLX-204 development and clinical manufacturing");
  const rounds = page.getByRole("navigation", { name: "Rounds" });
  await expect(rounds.getByRole("button", { name: /Round 2 \(current\)/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("Revision round 2", { exact: true }).first()).toBeVisible();
  const firstText = questions(page, "text").first().locator("textarea");
  await expect(firstText).not.toHaveValue("");
  await expect(status(page)).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/response-editor-round2-1366.png" });

  await rounds.getByRole("button", { name: /Round 1/ }).click();
  await expect(page.getByText(/Round 1 as your organisation left it/)).toBeVisible();
  await expect(page.getByTestId("receipt-hash")).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.locator("textarea")).toHaveCount(0);
  await expectAccessible(page);
  await rounds.getByRole("button", { name: /Round 2/ }).click();
  await expect(questions(page, "text").first().locator("textarea")).toBeVisible();
});

test("a cancelled RFP has no editor: the page says why", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, "owen.bd@kestrel-fill.example");
  await page.getByRole("link", { name: "Inbox", exact: true }).click();
  await page.getByRole("button", { name: "Past" }).click();
  await page.getByRole("link", { name: "HLX-204 lyophilised presentation" }).first().click();
  await expect(page).toHaveURL(/\/inbox\/[^/]+$/);
  await expect(page.getByText("The sponsor cancelled this RFP.")).toBeVisible();
  await expect(page.getByRole("link", { name: /Start response/ })).toHaveCount(0);
  await page.goto(`${new URL(page.url()).pathname}/respond`);
  await expect(
    page.getByText(/The sponsor cancelled this RFP before your organisation started a response/),
  ).toBeVisible();
  await expect(page.locator("textarea, input[type=radio], input[type=file]")).toHaveCount(0);
  await expectAccessible(page);
});
