import { readFileSync } from "node:fs";
import { docxPart, pdfText } from "../support/documents";
import { expect, test } from "./fixtures";

const SLUG = "migrant-women-local-decision-making";

test("the secretariat generates, edits and publishes the report; anyone reads it and downloads PDF and DOCX with that text", async ({
  page,
  freshPage,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(`/login?redirectTo=/events/${SLUG}/report/edit`);
  await page.getByLabel("Email").fill("secretariat@plenary.demo");
  await page.getByLabel("Password").fill("plenary-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Generate draft" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("draft");

  const intro = page.getByTestId("section-introduction");
  await intro.getByLabel("Markdown").fill("Edited by the secretariat: **why** the cities met.");
  await intro.getByRole("button", { name: "Preview" }).click();
  await expect(intro.locator(".report-body")).toContainText("Edited by the secretariat: why the cities met.");
  await expect(intro.locator(".report-body strong").first()).toHaveText("why");
  await intro.getByRole("button", { name: "Save section" }).click();
  await expect(intro.getByText("edited", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("in review");
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("approved");
  // Publishing asks first: the published version is public and immutable.
  await page.getByText("Publish…", { exact: true }).click();
  await page.getByRole("button", { name: "Yes, publish the report" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("published");

  // A reader who is not signed in.
  const reader = await freshPage();
  await reader.goto(`/events/${SLUG}/report`);
  const report = reader.getByTestId("public-report");
  await expect(report.getByRole("heading", { level: 1 })).toContainText("Cities of Welcome");
  await expect(report.getByText("Edited by the secretariat:")).toBeVisible();
  await expect(report.getByText("Version 1")).toBeVisible();
  await expect(report.getByRole("heading", { name: "Findings" })).toBeVisible();
  await expect(report.locator("figure.chart svg")).toBeVisible();

  const download = async (name: string) => {
    const [file] = await Promise.all([reader.waitForEvent("download"), report.getByRole("link", { name }).click()]);
    const dest = testInfo.outputPath(file.suggestedFilename());
    await file.saveAs(dest);
    return dest;
  };
  const pdf = await download("PDF");
  expect(pdf).toMatch(/-report-v1\.pdf$/);
  const text = await pdfText(pdf);
  expect(text).toContain("Edited by the secretariat: why the cities met.");
  expect(text).toContain("Participation");
  expect(text).toMatch(/\b1\s*\/\s*\d+/);

  const docx = await download("Word (DOCX)");
  const xml = await docxPart(docx);
  expect(xml).toContain("Edited by the secretariat: ");
  expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
  expect(xml).toContain("<w:tbl>");

  // The same version downloads to the same bytes.
  const again = await download("PDF");
  expect(readFileSync(again).equals(readFileSync(pdf))).toBe(true);
});
