import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO, SPONSOR_SLUG, expectAccessible, login, logout } from "./helpers";

// The demo programme's shortlist board: an evaluator adds a directory vendor, moves it to the
// shortlist from its menu with the keyboard and on to Selected by dragging, votes for it and asks
// the admin about it in a comment; the admin finds the mention in the bell, and the activity feed
// tells the story. axe checks the board and the comments panel.

const EVALUATOR = "eva.evaluator@helix.example";
const VENDOR = "Paulista Biotecnologia";

const column = (page: Page, name: string) => page.getByRole("list", { name, exact: true });
const card = (list: Locator, vendor: string) => list.getByRole("listitem").filter({ hasText: vendor });

async function openBoard(page: Page) {
  await page.goto(`/${SPONSOR_SLUG}/programmes`);
  await page.getByRole("link", { name: "HLX-204 anti-IL-23 mAb" }).first().click();
  await page.getByRole("link", { name: "Shortlist", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Shortlist" })).toBeVisible();
  await page.waitForLoadState("networkidle");
}

test("an evaluator moves a vendor to Selected by keyboard and drag, votes and mentions the admin", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, EVALUATOR);
  await openBoard(page);

  // The seeded board is alive on first start.
  await expect(card(column(page, "Selected"), "Northbridge Biologics")).toBeVisible();
  await expect(card(column(page, "Shortlist"), "Aldermoor Biologics")).toBeVisible();
  await expectAccessible(page);

  // Add from the directory with the keyboard: type, then Enter on the highlighted option.
  const search = page.getByRole("combobox", { name: "Add a vendor from the directory" });
  await search.fill("Paulista");
  await expect(page.getByRole("option", { name: new RegExp(VENDOR) })).toBeVisible();
  await search.press("Enter");
  await expect(card(column(page, "Long list"), VENDOR)).toBeVisible();

  // To the shortlist from the card's menu, by keyboard only.
  await page.getByRole("button", { name: `Actions for ${VENDOR}` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Move to shortlist" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(card(column(page, "Shortlist"), VENDOR)).toBeVisible();
  await expect(card(column(page, "Long list"), VENDOR)).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Actions for ${VENDOR}` })).toBeFocused();
  await page.screenshot({ path: "test-results/shortlist-board.png" });

  // On to Selected by dragging its handle.
  // Centre the card first: near the window's edge dnd-kit scrolls the page under the pointer.
  const handle = page.getByRole("button", { name: `Drag ${VENDOR}` });
  await handle.evaluate((el) => el.scrollIntoView({ block: "center" }));
  const from = (await handle.boundingBox())!;
  const to = (await column(page, "Selected").boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y + 5, { steps: 4 });
  // Across to the empty part of the Selected column, at the same height.
  await page.mouse.move(to.x + to.width / 2, from.y + 5, { steps: 12 });
  await page.mouse.up();
  await expect(card(column(page, "Selected"), VENDOR)).toBeVisible();
  await expect(card(column(page, "Shortlist"), VENDOR)).toHaveCount(0);

  // A vote for it: the button is pressed and counts it.
  const forIt = page.getByRole("button", { name: new RegExp(`^\\d+ for ${VENDOR}`) });
  await forIt.click();
  await expect(forIt).toHaveAttribute("aria-pressed", "true");
  await expect(forIt).toHaveText(/1/);

  // A comment mentioning the admin, chosen from the autocomplete with the keyboard.
  await card(column(page, "Selected"), VENDOR)
    .getByRole("button", { name: new RegExp(`comments on ${VENDOR}`) })
    .click();
  const panel = page.getByRole("dialog", { name: `Comments on ${VENDOR}` });
  await expect(panel).toBeVisible();
  const box = panel.getByRole("textbox", { name: `Comment on ${VENDOR}` });
  await box.pressSequentially("@Ada");
  await expect(panel.getByRole("option", { name: /Adam Reyes/ })).toBeVisible();
  await box.press("Enter");
  await expect(box).toHaveValue("@Adam Reyes ");
  await box.pressSequentially("can QA confirm their sterility assurance data?");
  await panel.getByRole("button", { name: "Post comment" }).click();
  await expect(panel.getByRole("article").filter({ hasText: "sterility assurance" })).toContainText("@Adam Reyes");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/shortlist-comments.png" });
  await panel.getByRole("button", { name: "Close" }).click();

  // The activity feed tells what happened, newest first.
  const feed = page.getByRole("list", { name: "Recent activity, newest first" });
  await expect(feed.getByRole("listitem").first()).toContainText(`Eva Lindqvist commented on ${VENDOR}`);
  await expect(feed).toContainText(`Eva Lindqvist moved ${VENDOR} from Long list to Shortlist`);
  await expect(feed).toContainText(`Eva Lindqvist moved ${VENDOR} from Shortlist to Selected`);
  await expect(feed).toContainText(`Eva Lindqvist voted for ${VENDOR}`);

  // The drag handle works from the keyboard too (dnd-kit's keyboard sensor): Space, an arrow, Space.
  await page.getByRole("button", { name: "Drag Graz Biologics" }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByText("Picked up Graz Biologics in Long list.")).toBeAttached();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByText(/^Graz Biologics is over Shortlist, position \d\.$/)).toBeAttached();
  await page.keyboard.press("Space");
  await expect(card(column(page, "Shortlist"), "Graz Biologics")).toBeVisible();
  await expect(feed.getByRole("listitem").first()).toContainText(
    "Eva Lindqvist moved Graz Biologics from Long list to Shortlist",
  );

  // The admin finds the mention in the bell, and it opens the vendor's comments.
  await logout(page);
  await login(page, DEMO.sponsorAdmin);
  await page.goto(`/${SPONSOR_SLUG}`);
  await page.getByRole("button", { name: /^Notifications, \d+ unread$/ }).click();
  const menu = page.getByRole("menu", { name: /^Notifications/ });
  await menu
    .getByRole("menuitem", { name: /Eva Lindqvist mentioned you on the HLX-204 anti-IL-23 mAb shortlist/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/shortlist\?entry=/);
  await expect(page.getByRole("dialog", { name: `Comments on ${VENDOR}` })).toContainText("sterility assurance");
});

test("a viewer reads the board without the means to change it", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, DEMO.sponsorViewer);
  await openBoard(page);
  await expect(page.getByText("You can read this board")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Add a vendor from the directory" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Drag / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Actions for / })).toHaveCount(0);
  await expect(card(column(page, "Selected"), "Northbridge Biologics")).toContainText("2 for");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/shortlist-viewer.png" });
});

test("a move from a stale board is undone, with the reason, and the board shows where the card is", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stale = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  const other = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await login(stale, EVALUATOR);
  await openBoard(stale);
  await expect(card(column(stale, "Long list"), "Kestrel Fill-Finish")).toBeVisible();

  // Meanwhile the admin selects Kestrel on a board of their own.
  await login(other, DEMO.sponsorAdmin);
  await openBoard(other);
  await other.getByRole("button", { name: "Actions for Kestrel Fill-Finish" }).click();
  await other.getByRole("menuitem", { name: "Move to selected" }).click();
  await expect(card(column(other, "Selected"), "Kestrel Fill-Finish")).toBeVisible();

  // The evaluator's board still shows it on the long list; their move is refused and undone.
  await stale.getByRole("button", { name: "Actions for Kestrel Fill-Finish" }).click();
  await stale.getByRole("menuitem", { name: "Move to shortlist" }).click();
  await expect(stale.getByText(/Someone else moved Kestrel Fill-Finish .*it is now in Selected/)).toBeVisible();
  await expect(card(column(stale, "Selected"), "Kestrel Fill-Finish")).toBeVisible();
  await expect(card(column(stale, "Shortlist"), "Kestrel Fill-Finish")).toHaveCount(0);
});
