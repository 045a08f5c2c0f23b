import { expect, type Locator, type Page } from "@playwright/test";

// Driving the CDMO's response editor (/{org}/inbox/{rfp}/respond) in journeys.

export const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

export const saveStatus = (page: Page) => page.getByTestId("save-status");
export const questionsOf = (page: Page, kind: string) => page.locator(`[data-question][data-kind="${kind}"]`);

/** Answers every required question not yet answered, by kind (text, number, choices). */
export async function answerRequired(page: Page) {
  const boxes = page.locator("[data-question]");
  for (let i = 0; i < (await boxes.count()); i++) {
    const box = boxes.nth(i);
    if (!(await box.getByText("Required", { exact: true }).count())) continue;
    const kind = await box.getAttribute("data-kind");
    if (kind === "text") {
      const area = box.locator("textarea");
      if (!(await area.inputValue())) await area.fill("Answered in the browser journey.");
    } else if (kind === "number") {
      const input = box.locator("input").first();
      if (!(await input.inputValue())) await input.fill("5");
    } else if (kind === "yesno" || kind === "single") {
      await box.locator("input[type=radio]").first().check();
    } else if (kind === "multi") {
      const first = box.locator("input[type=checkbox]").first();
      if (!(await first.isChecked())) await first.check();
    }
  }
}

/** One price line: price, expected duration and what it includes. */
export async function fillPrice(box: Locator, price: string, weeks: string) {
  await box.getByLabel(/^Price/).fill(price);
  await box.getByLabel("Duration (weeks)").fill(weeks);
  await box.getByLabel("What the price includes").fill("Two GMP batches, release testing and batch records.");
}

/** Uploads a small PDF into the first file question and waits until it is listed. */
export async function attachPdf(page: Page, name: string) {
  const box = questionsOf(page, "file").first();
  await box.locator("input[type=file]").setInputFiles({ name, mimeType: "application/pdf", buffer: PDF });
  await expect(box.getByRole("link", { name })).toBeVisible();
}

/** Submit from the editor, confirm, and wait for the receipt. */
export async function submitResponse(page: Page, round: number) {
  await page.getByRole("button", { name: "Submit response" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Submit your response?" });
  await dialog.getByRole("button", { name: "Submit final response" }).click();
  await expect(page.getByText(`Submitted: final for round ${round}`)).toBeVisible();
  await expect(page.getByTestId("receipt-hash")).toHaveText(/^[0-9a-f]{64}$/);
}
