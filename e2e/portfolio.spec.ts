import { expect, test, type Page } from "@playwright/test";
import fs from "node:fs/promises";
import { pdfText } from "../src/server/portfolio/testing-pdf-text";
import { CDMO_SLUG, DEMO, DEMO_PASSWORD, SPONSOR_SLUG, expectAccessible, login, logout } from "./helpers";

// The demo programme's portfolios, as a sourcing lead and two approvers use them: the three
// archetypes side by side, a vendor limit that changes the best hybrid, a Monte Carlo with its
// progress bar, a proposal signed by its author, an approval refused for a wrong password and
// then given, an edit that voids the signatures (and says why), a fresh proposal approved by both
// approvers, which awards the RFP; then the decision report's text read back from the PDF.

const EVALUATOR = "eva.evaluator@helix.example";

const MAIN_RFP = "HLX-204 development and clinical manufacturing";

async function trpc<T>(page: Page, path: string, input: object, kind: "query" | "mutation"): Promise<T> {
  const res =
    kind === "query"
      ? await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)
      : await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

/**
 * The main demo RFP must be closed to be awarded. The revision-round journey (which runs before
 * this one) reopens it for a round 2 due in ten days: as the lead would, move its due date to the
 * shortest notice the e2e server allows (one minute) and wait for it to close.
 */
async function ensureClosed(page: Page) {
  const programmes = await trpc<{ items: { id: string; name: string }[] } | { id: string; name: string }[]>(
    page,
    "programme.list",
    { orgSlug: SPONSOR_SLUG },
    "query",
  );
  const list = Array.isArray(programmes) ? programmes : programmes.items;
  const programmeId = list.find((p) => p.name === "HLX-204 anti-IL-23 mAb")!.id;
  const view = await trpc<{ rfps: { id: string; title: string; status: string }[] }>(
    page,
    "portfolio.get",
    { orgSlug: SPONSOR_SLUG, programmeId },
    "query",
  );
  const rfp = view.rfps.find((r) => r.title === MAIN_RFP)!;
  if (rfp.status === "CLOSED") return;
  const e = await trpc<Record<string, unknown> & { version: number }>(
    page,
    "rfp.editor",
    { orgSlug: SPONSOR_SLUG, rfpId: rfp.id },
    "query",
  );
  const dueAt = new Date(Date.now() + 65_000);
  await trpc(
    page,
    "rfp.update",
    {
      orgSlug: SPONSOR_SLUG,
      rfpId: rfp.id,
      version: e.version,
      title: e.title,
      summary: e.summary,
      stages: e.stages,
      weights: e.weights,
      content: e.content,
      dueAt: dueAt.toISOString(),
      timeZone: e.timeZone,
      sealed: e.sealed,
      committeeOpening: e.committeeOpening,
    },
    "mutation",
  );
  await page.waitForTimeout(Math.max(0, dueAt.getTime() - Date.now() + 2_000));
}

async function openPortfolios(page: Page) {
  await page.goto(`/${SPONSOR_SLUG}/programmes`);
  await page.getByRole("link", { name: "HLX-204 anti-IL-23 mAb" }).first().click();
  await page.getByRole("link", { name: "Portfolios", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Portfolios" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /Best hybrid/ })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Optimising" })).toHaveCount(0);
}

const table = (page: Page) => page.getByRole("table", { name: /Portfolios compared/ }).first();
/** The "Who does what" cell of a column, by the column's position (1 = first portfolio). */
const whoDoesWhat = (page: Page, col: number) =>
  table(page)
    .getByRole("row")
    .filter({ hasText: "Who does what" })
    .getByRole("cell")
    .nth(col - 1);

async function sign(page: Page, password: string) {
  await page.getByRole("tab", { name: /Decision/ }).click();
  await page.getByRole("button", { name: "Sign", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Sign the decision" });
  await dialog.getByLabel("Your password").fill(password);
  await dialog.getByRole("button", { name: "Sign" }).click();
  return dialog;
}

test("compare the archetypes, constrain, simulate, sign, void by an edit, award and read the report", async ({
  page,
}) => {
  test.setTimeout(420_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, DEMO.sponsorOwner);
  await ensureClosed(page);
  await openPortfolios(page);

  // The three archetypes side by side, each with a portfolio.
  for (const name of ["Best integrated", "Best specialized", "Best hybrid"])
    await expect(page.getByRole("columnheader", { name: new RegExp(name) })).toBeVisible();
  await expect(whoDoesWhat(page, 1)).toContainText("Northbridge Biologics");
  await expect(page.getByText(/The hybrid (saves|needs) \d+ external transfer/).first()).toBeVisible();
  await page.screenshot({ path: "test-results/portfolio-compare.png", fullPage: true });
  await expectAccessible(page);

  // A vendor limit changes the best hybrid (the unconstrained one uses more than two companies).
  const vendorsIn = (col: number) => whoDoesWhat(page, col).getByRole("listitem").count();
  expect(await vendorsIn(3)).toBeGreaterThan(2);
  const before = (await whoDoesWhat(page, 3).innerText()).trim();
  await page.getByLabel("Most vendors").fill("2");
  await expect.poll(() => vendorsIn(3), { timeout: 30_000 }).toBeLessThanOrEqual(2);
  await expect(whoDoesWhat(page, 3)).not.toHaveText(before);
  await expect(page.getByRole("status").filter({ hasText: "Optimising" })).toHaveCount(0);
  await page.getByRole("button", { name: "Save as Base case" }).click();
  await expect(page.getByText("Scenario saved.")).toBeVisible();

  // Monte Carlo in the worker: the progress bar shows while it runs, then P10/P50/P90 and the histogram.
  await page.getByRole("tab", { name: "Simulation" }).click();
  await page.evaluate(
    `window.__sawProgress = false; new MutationObserver(() => { if (document.querySelector('[role=progressbar]')) window.__sawProgress = true; }).observe(document.body, { subtree: true, childList: true });`,
  );
  await page.getByLabel("Iterations").selectOption("200000");
  await page.getByRole("button", { name: "Run simulation" }).click();
  await expect(page.getByRole("columnheader", { name: "P90" })).toBeVisible();
  expect(await page.evaluate("window.__sawProgress")).toBe(true);
  await page.getByRole("button", { name: "Save with the scenario" }).click();
  await expect(
    page.getByText(/Saved with the scenario \(seed 2026\)\. The server ran it again and got the same figures/),
  ).toBeVisible();
  await page.screenshot({ path: "test-results/portfolio-simulation.png", fullPage: true });

  // The lead proposes the best hybrid, signing as author.
  await page.getByRole("tab", { name: "Compare" }).click();
  await table(page).getByRole("button", { name: "Propose for award" }).nth(2).click();
  const propose = page.getByRole("dialog", { name: /Propose best hybrid for award/ });
  await propose.getByLabel("Rationale").fill("Two experienced partners: cheaper and sooner than one integrated CDMO.");
  await propose.getByLabel(/Adam/).check();
  await propose.getByLabel(/Eva/).check();
  await propose.getByLabel(/Your password/).fill(DEMO_PASSWORD);
  await propose.getByRole("button", { name: "Sign and propose" }).click();
  await expect(page.getByRole("tab", { name: /Decision \(proposed\)/ })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByText("Author").first()).toBeVisible();
  await logout(page);

  // An approver's wrong password is refused; the right one signs.
  await login(page, DEMO.sponsorAdmin);
  await openPortfolios(page);
  const refused = await sign(page, "not-the-password");
  await expect(refused.getByRole("alert")).toContainText("not your password");
  await refused.getByLabel("Your password").fill(DEMO_PASSWORD);
  await refused.getByRole("button", { name: "Sign" }).click();
  await expect(page.getByText("Signed.", { exact: true })).toBeVisible();
  await expect(page.getByText("Approver", { exact: false }).first()).toBeVisible();

  // An edit of the scenario voids both signatures and says what changed.
  await page.getByRole("tab", { name: "Offers and assumptions" }).click();
  await page.getByLabel("External transfer (weeks)").fill("10");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Scenario saved.")).toBeVisible();
  await page.getByRole("tab", { name: /Decision/ }).click();
  await expect(page.getByText("What changed since signing")).toBeVisible();
  await expect(page.getByText(/externalTransferWeeks changed from 8 to 10/)).toBeVisible();
  await expect(page.getByText("Invalid", { exact: true })).toHaveCount(2);
  await page.screenshot({ path: "test-results/portfolio-void.png", fullPage: true });
  await expectAccessible(page);
  await logout(page);

  // The lead withdraws and proposes again; both approvers sign; the RFP is awarded.
  await login(page, DEMO.sponsorOwner);
  await openPortfolios(page);
  await page.getByRole("tab", { name: /Decision/ }).click();
  await page.getByRole("button", { name: "Withdraw the proposal" }).click();
  await expect(page.getByText("Proposal withdrawn.")).toBeVisible();
  // The edit cleared the simulation (it belonged to the old problem): run it again and keep it.
  await page.getByRole("tab", { name: "Simulation" }).click();
  await page.getByRole("button", { name: "Run simulation" }).click();
  await page.getByRole("button", { name: "Save with the scenario" }).click();
  await expect(
    page.getByText(/Saved with the scenario \(seed 2026\)\. The server ran it again and got the same figures/),
  ).toBeVisible();
  await page.getByRole("tab", { name: "Compare" }).click();
  await table(page).getByRole("button", { name: "Propose for award" }).nth(2).click();
  const again = page.getByRole("dialog", { name: /Propose best hybrid for award/ });
  await again.getByLabel("Rationale").fill("Same partners on the revised transfer time.");
  await again.getByLabel(/Adam/).check();
  await again.getByLabel(/Eva/).check();
  await again.getByLabel(/Your password/).fill(DEMO_PASSWORD);
  await again.getByRole("button", { name: "Sign and propose" }).click();
  await expect(page.getByRole("tab", { name: /Decision \(proposed\)/ })).toBeVisible();
  await logout(page);
  for (const who of [DEMO.sponsorAdmin, EVALUATOR]) {
    await login(page, who);
    await openPortfolios(page);
    await sign(page, DEMO_PASSWORD);
    await expect(page.getByText(/^Signed\./)).toBeVisible();
    if (who !== EVALUATOR) await logout(page);
  }
  await expect(page.getByRole("tab", { name: /Decision \(awarded\)/ })).toBeVisible();
  await expect(page.getByText("Awarded", { exact: true }).first()).toBeVisible();
  await page.screenshot({ path: "test-results/portfolio-awarded.png", fullPage: true });

  // The decision report: a real PDF whose text carries the signatures' manifestation and the hash.
  const hash = (await page.getByText(/Record SHA-256/).innerText()).match(/[0-9a-f]{64}/)![0];
  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Decision report (PDF)" }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const text = await pdfText(new Uint8Array(await fs.readFile((await pdf.path())!)));
  expect(text).toContain("HLX-204 anti-IL-23 mAb");
  for (const who of ["Olivia", "Adam", "Eva"]) expect(text).toMatch(new RegExp(who));
  expect(text).toContain("APPROVER");
  expect(text).toContain(hash);
  expect(text).toContain("P50");
  await logout(page);

  // Northbridge, the integrated CDMO, sees its own outcome of the RFP, politely.
  await login(page, DEMO.cdmoOwner);
  await page.goto(`/${CDMO_SLUG}/inbox`);
  await page.getByRole("button", { name: "Past", exact: true }).click();
  await page.getByRole("link", { name: MAIN_RFP }).first().click();
  await expect(page.getByText(/(chose you for|has chosen other partners)/)).toBeVisible();
  await expectAccessible(page);
});
