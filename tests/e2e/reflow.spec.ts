import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

// WCAG 1.4.10 Reflow: at 320 CSS px (1280 px zoomed to 400 %) nothing needs horizontal scrolling
// and no control is cut off, except inside data tables, which may scroll on their own.

const SLUG = "migrant-women-local-decision-making";

/** What sticks out of a 320 px page, described so a failure says which element and by how much. */
async function reflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    const name = (el: Element) =>
      `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${
        typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : ""
      }> "${(el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40)}"`;
    if (document.documentElement.scrollWidth > width + 1)
      problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide for ${width} px`);
    // A data table may scroll inside its own box (two-dimensional content is exempt); nothing else may.
    const inScrollingTable = (el: Element) => {
      for (let a = el.parentElement; a; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX;
        if ((o === "auto" || o === "scroll") && a.querySelector("table") && a.contains(el)) return true;
      }
      return false;
    };
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) return false;
      const s = getComputedStyle(el);
      // What a closed <details> holds is not on the screen, whatever box Chromium keeps for it.
      const folded = el.closest("details:not([open])");
      if (folded && !el.closest("summary") && folded !== el) return false;
      return s.visibility !== "hidden" && !el.closest(".visually-hidden, [hidden]");
    };
    // The outermost element that sticks out says where; what it holds sticks out with it.
    const out = new Set<Element>();
    for (const el of document.querySelectorAll("body *")) {
      if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
      if (!shown(el) || inScrollingTable(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.right <= width + 1 && r.left >= -1) continue;
      out.add(el);
      if (el.parentElement && out.has(el.parentElement)) continue;
      problems.push(
        `${name(el)} in ${el.parentElement ? name(el.parentElement) : "the page"} spans ${Math.round(r.left)}–${Math.round(r.right)} px`,
      );
    }
    // A control cut by a box that hides its overflow cannot be read or reached in full.
    const controls = document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]");
    for (const el of controls) {
      if (!shown(el) || inScrollingTable(el)) continue;
      const r = el.getBoundingClientRect();
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX === "visible") continue;
        const b = a.getBoundingClientRect();
        if (r.left < b.left - 1 || r.right > b.right + 1) {
          problems.push(`${name(el)} is cut by ${name(a)}`);
          break;
        }
      }
    }
    return problems;
  });
}

async function expectReflow(page: Page, what: string) {
  const problems = await reflowProblems(page);
  expect(problems, `${what} at 320 px`).toEqual([]);
}

for (const locale of ["en", "ar"] as const) {
  test.describe(`reflow at 320 px in ${locale}`, () => {
    test.use({ locale, viewport: { width: 320, height: 640 } });

    test(`the event page and its registration form (${locale})`, async ({ page }) => {
      await page.goto(`/events/${SLUG}`);
      await expect(page.locator("form select[name=country]")).toBeVisible();
      await expectReflow(page, "event page with the registration form");
      // With errors shown too (every field marked, the summary listing them).
      await page
        .locator("form select[name=country]")
        .locator("xpath=ancestor::form")
        .locator("button[type=submit]")
        .click();
      await expect(page.getByTestId("error-summary")).toBeVisible();
      await expectReflow(page, "registration form with its errors");
    });

    test(`the participant's board (${locale})`, async ({ page }) => {
      await signInAs(page, "participant@plenary.demo", `/events/${SLUG}`);
      await page.getByTestId("boards").locator("a").first().click();
      await expect(page.getByTestId("connection")).toBeVisible();
      await expect(page.getByTestId("note").first()).toBeVisible();
      await expectReflow(page, "participant's board");
    });

    test(`the facilitator's board, dashboard and report editor (${locale})`, async ({ page }) => {
      test.setTimeout(90_000);
      await signInAs(page, "organiser@plenary.demo", `/events/${SLUG}`);
      await page.getByTestId("boards").locator("a").first().click();
      await expect(page.getByTestId("connection")).toBeVisible();
      await expect(page.locator("#phase")).toBeVisible();
      await expectReflow(page, "facilitator's board");
      await page.goto(`/events/${SLUG}/manage`);
      await expect(page.getByTestId("stats")).toBeVisible();
      await expectReflow(page, "dashboard");
      await page.goto(`/events/${SLUG}/report/edit`);
      if ((await page.getByTestId("report-status").count()) === 0) {
        await page.locator("button[value=generate]").click();
        await expect(page.getByTestId("report-status")).toBeVisible({ timeout: 60_000 });
      }
      await expectReflow(page, "report editor");
    });
  });
}
