import { expect, test, type Page } from "@playwright/test";
import { CDMO_SLUG, DEMO, SPONSOR_SLUG, confirmSignUp, expectAccessible, login, unique } from "./helpers";

// The overview is what needs attention (issue 11, point 7): a sponsor's open RFPs, evaluations and
// shortlisted vendors' findings; a CDMO's invitations to answer. A brand-new organisation is told
// what to do first. The first HTML has it all (rendered on the server).

const main = (page: Page) => page.getByRole("main");

test("a sponsor's overview shows its open RFP, what waits for evaluation and the shortlist watch", async ({ page }) => {
  await login(page, DEMO.sponsorOwner);
  await expect(page).toHaveURL(new RegExp(`/${SPONSOR_SLUG}$`));
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, Olivia/ })).toBeVisible();

  const open = page.getByRole("region", { name: /RFPs open for responses/ });
  const rfp = open.getByRole("link", { name: "HLX-204 commercial-ready supply, second source" });
  await expect(rfp).toBeVisible();
  // Other journeys may open RFPs of their own in the same demo organisation: read this RFP's row.
  const row = open.getByRole("listitem").filter({ hasText: "HLX-204 commercial-ready supply, second source" });
  await expect(row.getByText(/\d+ of \d+ invitees? submitted/)).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: /Waiting for evaluation/ })
      .getByRole("link")
      .first(),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: /Shortlist watch/ })).toBeVisible();
  await expect(main(page).getByRole("link", { name: "New programme" })).toBeVisible();
  await expectAccessible(page);

  await rfp.click();
  await expect(page).toHaveURL(new RegExp(`/${SPONSOR_SLUG}/rfps/`));
  await expect(
    page.getByRole("heading", { level: 1, name: "HLX-204 commercial-ready supply, second source" }),
  ).toBeVisible();
});

test("a CDMO's overview is its inbox as work to do, without the sponsors' directory", async ({ page }) => {
  await login(page, DEMO.cdmoOwner);
  await expect(page).toHaveURL(new RegExp(`/${CDMO_SLUG}$`));
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, Nora/ })).toBeVisible();

  const toAnswer = page.getByRole("region", { name: /Invitations to answer/ });
  const invitation = toAnswer.getByRole("link", { name: "HLX-204 commercial-ready supply, second source" });
  await expect(invitation).toBeVisible();
  // Other journeys may invite this CDMO too: read this invitation's row.
  await expect(
    toAnswer
      .getByRole("listitem")
      .filter({ hasText: "HLX-204 commercial-ready supply, second source" })
      .getByText("Helix Therapeutics"),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: /Recently closed/ })).toBeVisible();
  await expect(page.getByRole("region", { name: /Your listing/ })).toContainText("Listed in the directory");
  // The directory is for sponsors: no quick link to it, and no nav entry.
  await expect(page.getByRole("link", { name: /Vendor directory|^Vendors$/ })).toHaveCount(0);
  await expectAccessible(page);
});

test("a brand-new sponsor and CDMO are told what to do first", async ({ page }) => {
  const email = `${unique("nina")}@sponsor.example`;
  const signup = await page.request.post("/api/trpc/account.signUp", {
    data: {
      json: {
        name: "Nina New",
        email,
        password: "fresh-overview-password-09",
        organizationName: `Nina Bio ${unique("o")}`,
        organizationKind: "SPONSOR",
      },
    },
  });
  expect(signup.status()).toBe(200);
  await confirmSignUp(page, email, "fresh-overview-password-09");
  const started = page.getByRole("region", { name: "Get started" });
  await expect(started).toBeVisible();
  await expect(started.getByRole("link", { name: "Create a programme" })).toBeVisible();
  await expect(started.getByRole("link", { name: "Search the directory" })).toBeVisible();
  await expect(page.getByRole("region", { name: /RFPs open for responses/ })).toContainText("No RFP is open");
  await expectAccessible(page);

  // The same person's new CDMO organisation.
  await page.goto("/orgs/new");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Organisation name").fill(`Nina Fill ${unique("o")}`);
  await page.getByText("CDMO (contract manufacturer)").click();
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).not.toHaveURL(/\/orgs\/new$/);
  const cdmoStart = page.getByRole("region", { name: "Get started" });
  await expect(cdmoStart).toBeVisible();
  await expect(cdmoStart.getByRole("link", { name: "Set up your profile" })).toBeVisible();
  await expect(page.getByRole("region", { name: /Invitations to answer/ })).toContainText("No RFP is waiting");
  await expectAccessible(page);
});
