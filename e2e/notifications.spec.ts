import { expect, test, type APIRequestContext } from "@playwright/test";
import { CDMO_SLUG, DEMO, SPONSOR_SLUG, expectAccessible, login, unique } from "./helpers";

// Notifications from the reader's side: a sponsor publishes an RFP that invites Northbridge,
// Northbridge's owner sees it in the bell and on the notifications page, marks it read (the
// count follows), and turns invitation e-mails off and on again on the account page.

async function call<T>(request: APIRequestContext, path: string, input: unknown, kind: "query" | "mutation") {
  const res =
    kind === "mutation"
      ? await request.post(`/api/trpc/${path}`, { data: { json: input } })
      : await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** As the signed-in sponsor: a programme, an RFP from the mAb template due in ten days, Northbridge invited, published. */
async function publishRfpInvitingNorthbridge(request: APIRequestContext, title: string) {
  const orgSlug = SPONSOR_SLUG;
  const stages = ["DS_CLIN", "FILL"];
  const programme = await call<{ id: string }>(
    request,
    "programme.create",
    { orgSlug, name: `Notify ${title}`, molecule: "HX-900", modality: "MAB", phase: "PHASE_1", stages },
    "mutation",
  );
  const created = await call<{ id: string }>(
    request,
    "rfp.create",
    { orgSlug, programmeId: programme.id, from: "template", templateKey: "mab-ds-dp", title },
    "mutation",
  );
  const rfp = await call<Record<string, unknown> & { version: number }>(
    request,
    "rfp.get",
    { orgSlug, rfpId: created.id },
    "query",
  );
  await call(
    request,
    "rfp.update",
    {
      orgSlug,
      rfpId: created.id,
      version: rfp.version,
      title: rfp.title,
      summary: rfp.summary,
      stages: rfp.stages,
      weights: rfp.weights,
      content: rfp.content,
      dueAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
      timeZone: "Europe/Berlin",
      sealed: false,
      committeeOpening: false,
    },
    "mutation",
  );
  const profiles = await call<{ items?: { id: string; name: string }[] } | { id: string; name: string }[]>(
    request,
    "vendors.platformProfiles",
    { orgSlug, q: "Northbridge" },
    "query",
  );
  const list = Array.isArray(profiles) ? profiles : (profiles.items ?? []);
  const northbridge = list.find((p) => p.name.includes("Northbridge"));
  expect(northbridge, "Northbridge's platform profile").toBeTruthy();
  await call(
    request,
    "rfpInvitation.addPlatform",
    { orgSlug, rfpId: created.id, vendorId: northbridge!.id },
    "mutation",
  );
  await call(request, "rfp.publish", { orgSlug, rfpId: created.id }, "mutation");
  return created.id;
}

test("a published RFP's invitation reaches the CDMO's bell and page; marking read and e-mail settings work", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  const title = unique("Bell RFP");

  const sponsor = await browser.newContext();
  const sponsorPage = await sponsor.newPage();
  await login(sponsorPage, DEMO.sponsorOwner);
  const rfpId = await publishRfpInvitingNorthbridge(sponsorPage.request, title);
  await sponsor.close();

  await login(page, DEMO.cdmoOwner);
  await page.goto(`/${CDMO_SLUG}`);
  const bell = page.getByRole("button", { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible();
  const before = Number(/(\d+) unread/.exec((await bell.getAttribute("aria-label")) ?? "")?.[1]);
  expect(before).toBeGreaterThanOrEqual(1);

  // The bell's menu lists the invitation; it leads to the RFP in Northbridge's inbox.
  await bell.click();
  const menu = page.getByRole("menu", { name: /^Notifications/ });
  await expect(menu.getByRole("menuitem", { name: /invites you to an RFP/ }).first()).toBeVisible();
  await expectAccessible(page);
  await menu.getByRole("menuitem", { name: "See all notifications" }).click();

  // The page lists it with its text; marking it read lowers the count.
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  const item = page.getByRole("listitem").filter({ hasText: title });
  await expect(item).toBeVisible();
  await expect(item.getByRole("link", { name: /invites you to an RFP/ })).toHaveAttribute(
    "href",
    `/${CDMO_SLUG}/inbox/${rfpId}`,
  );
  await expectAccessible(page);
  await item.getByRole("button", { name: /^Mark .* as read$/ }).click();
  await expect(item.getByRole("button", { name: /^Mark .* as read$/ })).toHaveCount(0);
  const after = before - 1;
  await expect(
    page.getByRole("button", { name: after === 0 ? "Notifications, none unread" : `Notifications, ${after} unread` }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: after === 0 ? "All read" : `${after} unread` })).toBeVisible();

  // E-mail for invitations off, kept after a reload, and on again.
  await page.goto("/account#notifications");
  await page.waitForLoadState("networkidle");
  const invitations = page.getByRole("checkbox", { name: "Invitations" });
  await expect(invitations).toBeChecked();
  await invitations.uncheck();
  await expect(page.getByText("Invitations: e-mail off")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Invitations" })).not.toBeChecked();
  await expectAccessible(page);
  await page.getByRole("checkbox", { name: "Invitations" }).check();
  await expect(page.getByText("Invitations: e-mail on")).toBeVisible();
});
