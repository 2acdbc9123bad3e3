import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import { docxPart, pdfText } from "../support/documents";
import { expect, test } from "./fixtures";

const SLUG = "migrant-women-local-decision-making";

test("the secretariat generates the draft, accepts a proposed action, edits a paragraph and publishes; every export prints the same date", async ({
  page,
  freshPage,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.goto(`/login?redirectTo=/events/${SLUG}/report/edit`);
  await page.getByLabel("Email").fill("secretariat@plenary.demo");
  await page.getByLabel("Password").fill("plenary-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === `/events/${SLUG}/report/edit`);
  // A retried attempt finds the report it made: it regenerates instead.
  const generate = page.getByRole("button", { name: "Generate draft" });
  const retried = (await generate.count()) === 0;
  await (retried ? page.getByRole("button", { name: "Regenerate from the event" }) : generate).click();
  await expect(page.getByTestId("report-status")).toHaveText("draft");
  await expect(page.getByTestId("writer-notice")).toContainText("Drafted by Plenary's offline writer");

  // The way forward was drafted from the notes: accept one proposal with an owner and a due date.
  const proposal = page.getByTestId("proposal").first();
  const title = await proposal.getByLabel("What", { exact: true }).inputValue();
  const other = await page.getByTestId("proposal").nth(1).getByLabel("What", { exact: true }).inputValue();
  expect(title.length).toBeGreaterThan(10);
  await proposal.getByLabel("Owner (organisation or person)").fill("City of Barcelona");
  await proposal.getByLabel("Due date (event's timezone)").fill("2027-03-31");
  await proposal.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByTestId("proposal").filter({ has: page.locator(`input[value="${title}"]`) })).toHaveCount(0);
  const wayForward = page.getByTestId("preview-actions");
  await expect(wayForward).toContainText(title);
  await expect(wayForward).toContainText("Owner: City of Barcelona");
  await expect(wayForward).toContainText("Status: agreed");

  // Each Markdown box sits level with its preview.
  const box = await page.locator("#md-findings").boundingBox();
  const preview = await page.getByTestId("preview-findings").boundingBox();
  expect(Math.abs(box!.y - preview!.y)).toBeLessThanOrEqual(1);
  expect(Math.abs(box!.height - preview!.height)).toBeLessThanOrEqual(1);

  // Drafted paragraphs are marked until a person edits them: edit the executive summary's.
  const summary = page.getByTestId("section-summary");
  const markdown = page.locator("#md-summary");
  const drafted = await markdown.inputValue();
  if (!retried) {
    await expect(summary.locator(".report-body .machine-text")).toHaveCount(1);
    expect(drafted).toContain("took part in this dialogue.");
  }
  await markdown.fill(
    drafted.replace(
      /took part in this dialogue(?: at Brussels City Hall)?\./,
      "took part in this dialogue at Brussels City Hall.",
    ),
  );
  await summary.getByRole("button", { name: "Preview" }).click();
  await expect(summary.locator(".report-body")).toContainText("at Brussels City Hall.");
  await expect(summary.locator(".report-body .machine-text")).toHaveCount(0);
  await summary.getByRole("button", { name: "Save section" }).click();
  await expect(summary.getByText("edited", { exact: true })).toBeVisible();
  await expect(summary.locator(".report-body .machine-text")).toHaveCount(0);
  await expect(page.getByTestId("section-findings").locator(".report-body .machine-text").first()).toBeVisible();

  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("in review");
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("approved");
  const note = page.getByLabel("What changed (required for a correction)");
  if (await note.count()) await note.fill("Regenerated after a retried test.");
  // Publishing asks first: the published version is public and immutable.
  await page.getByText("Publish…", { exact: true }).click();
  await page.getByRole("button", { name: "Yes, publish the report" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("published");

  // A reader who is not signed in.
  const reader = await freshPage();
  await reader.goto(`/events/${SLUG}/report`);
  const report = reader.getByTestId("public-report");
  await expect(report.getByRole("heading", { level: 1 })).toContainText("Cities of Welcome");
  await expect(report.getByText("at Brussels City Hall.")).toBeVisible();
  await expect(report.getByRole("heading", { name: "Findings" })).toBeVisible();
  await expect(report.getByRole("heading", { name: "Way forward" })).toBeVisible();
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await expect(report.getByRole("heading", { name: new RegExp(`^\\d+\\. ${escaped}$`) })).toBeVisible();
  await expect(report.getByText("awaiting the secretariat's review")).toHaveCount(0);
  await expect(report.locator(".machine-label").first()).toHaveText("Drafted automatically");
  await expect(report.locator("figure.chart svg")).toBeVisible();

  // One date, in the event's timezone, on the page and in every file.
  const day = (await report.getByTestId("published-on").textContent())!.trim();
  expect(day).toBe(DateTime.now().setZone("Europe/Brussels").setLocale("en").toLocaleString(DateTime.DATE_FULL));
  const version = (await report
    .getByText(/^Version \d+/)
    .first()
    .textContent())!.match(/Version (\d+)/)![1];
  const line = `Version ${version} · ${day}`;

  const download = async (name: string) => {
    const [file] = await Promise.all([reader.waitForEvent("download"), report.getByRole("link", { name }).click()]);
    const dest = testInfo.outputPath(file.suggestedFilename());
    await file.saveAs(dest);
    return dest;
  };
  const pdf = await download("PDF");
  expect(pdf).toMatch(/-report-v\d+\.pdf$/);
  const text = await pdfText(pdf);
  expect(text).toContain(line);
  expect(text).toContain("at Brussels City Hall.");
  expect(text).toContain("Participation");
  expect(text).toMatch(/\b1\s*\/\s*\d+/);

  const docx = await download("Word (DOCX)");
  const xml = await docxPart(docx);
  expect(xml).toContain(line);
  expect(xml).toContain("at Brussels City Hall.");
  expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
  expect(xml).toContain("<w:tbl>");

  const md = readFileSync(await download("Markdown"), "utf8");
  expect(md).toContain(`*${line}*`);
  expect(md).not.toContain("```chart");
  expect(md).toContain("| Participants by stakeholder group | Participants |");

  // The same version downloads to the same bytes.
  const again = await download("PDF");
  expect(readFileSync(again).equals(readFileSync(pdf))).toBe(true);

  // The follow-up page lists what the secretariat accepted, and nothing Plenary proposed unseen.
  await reader.goto(`/events/${SLUG}/follow-up`);
  await expect(reader.getByTestId("follow-up")).toContainText(title);
  await expect(reader.getByTestId("follow-up")).not.toContainText(other);
});
