import fs from "node:fs";
import { expect, test } from "@playwright/test";
import JSZip from "jszip";
import { DEMO, SPONSOR_SLUG, expectAccessible, login } from "./helpers";

// The organisation export from the members page: an owner downloads the ZIP (named for the
// organisation and the day, holding a manifest); a viewer is not offered the button.

test("an owner exports the organisation's data from the members page", async ({ page }) => {
  await login(page, DEMO.sponsorOwner);
  await page.goto(`/${SPONSOR_SLUG}/members`);
  await page.waitForLoadState("networkidle");
  const button = page.getByRole("button", { name: "Export data" });
  await expect(button).toBeVisible();
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${SPONSOR_SLUG}-export-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
  const file = await download.path();
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 2).toString()).toBe("PK");
  const zip = await JSZip.loadAsync(bytes);
  const manifest = JSON.parse(await zip.file("manifest.json")!.async("string"));
  expect(manifest.organisation).toMatchObject({ slug: SPONSOR_SLUG, name: "Helix Therapeutics", kind: "SPONSOR" });
  expect(manifest.exporter.email).toBe(DEMO.sponsorOwner);
  expect(zip.file("members.csv")).not.toBeNull();
  await expect(page.getByRole("status").filter({ hasText: "Your download has started" })).toBeVisible();
});

test("a viewer is not offered the export, and the route refuses them", async ({ page }) => {
  await login(page, DEMO.sponsorViewer);
  await page.goto(`/${SPONSOR_SLUG}/members`);
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Export data" })).toHaveCount(0);
  const res = await page.request.get(`/api/orgs/${SPONSOR_SLUG}/export`);
  expect(res.status()).toBe(403);
});
