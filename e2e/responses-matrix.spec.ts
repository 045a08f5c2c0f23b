import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, login, SPONSOR_SLUG } from "./helpers";

// The sponsor's side-by-side page on the demo data: the open, sealed RFP shows only that a
// response arrived and when (page, API and export); the closed RFP, whose committee opened the
// bids after the due date, shows the matrix and downloads it as CSV and XLSX.

/** RFP ids from the sponsor's own notifications (the links the bell would open). */
async function rfpLinks(page: Page): Promise<{ title: string; kind: string; link: string }[]> {
  const input = encodeURIComponent(JSON.stringify({ json: { limit: 100 } }));
  const res = await page.request.get(`/api/trpc/notification.list?input=${input}`);
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as {
    result: { data: { json: { items: { title: string; kind: string; link: string }[] } } };
  };
  return body.result.data.json.items;
}

const rfpIdOf = (link: string) => /\/rfps\/([^/?#]+)/.exec(link)![1]!;

test("sealed bids stay sealed before the due date; the opened round shows side by side and exports", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, DEMO.sponsorOwner);
  const items = await rfpLinks(page);
  const sealedId = rfpIdOf(items.find((n) => n.kind === "CLARIFICATION")!.link);
  const openedId = rfpIdOf(items.find((n) => n.title.startsWith("Graz Biologics"))!.link);

  // Open and sealed: a count and a time, a countdown, nothing else; exports refused.
  await page.goto(`/${SPONSOR_SLUG}/rfps/${sealedId}/responses`);
  await expect(page.getByRole("heading", { name: "Sealed until the due date" })).toBeVisible();
  await expect(page.getByText(/^\d+ responses? submitted/).first()).toBeVisible();
  await expect(page.getByText("Incheon BioLogix")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Export CSV" })).toBeDisabled();
  await expectAccessible(page);
  const input = encodeURIComponent(JSON.stringify({ json: { orgSlug: SPONSOR_SLUG, rfpId: sealedId } }));
  const refused = await page.request.get(`/api/trpc/responses.exportCsv?input=${input}`);
  expect(refused.status()).toBe(412);
  expect(await refused.text()).not.toContain("Incheon");

  // Closed and opened by the committee: the matrix.
  // Round 1 by name: another journey may have opened a revision round on this RFP.
  await page.goto(`/${SPONSOR_SLUG}/rfps/${openedId}/responses?round=1`);
  const prices = page.getByRole("region", { name: "Price lines per stage, scrolls sideways" });
  await expect(prices.getByRole("columnheader", { name: /Northbridge Biologics/ })).toBeVisible();
  await expect(prices.getByRole("columnheader", { name: /Cascadia Analytics/ })).toBeVisible();
  await expect(prices.getByText("Lowest").first()).toBeVisible();
  await expect(prices.getByRole("rowheader", { name: "Total" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/responses-matrix-1366.png" });

  for (const [label, ext] of [
    ["Export CSV", ".csv"],
    ["Export XLSX", ".xlsx"],
  ] as const) {
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: label }).click();
    expect((await download).suggestedFilename()).toMatch(new RegExp(`round-1\\${ext}$`));
  }
});
