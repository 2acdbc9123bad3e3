import type { Locator, Page } from "@playwright/test";
import { expectNoViolations } from "./axe";
import { expect, test } from "./fixtures";

const SLUG = "migrant-women-local-decision-making";

async function signIn(page: Page, email: string) {
  await page.goto(`/login?redirectTo=/events/${SLUG}`);
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill("plenary-demo-2026");
  // The sign-in form's own button (the other one of that form emails a sign-in link instead).
  await page.locator("main form button[type=submit]:not([name])").click();
  // By path: a glob on the URL also matches /login?redirectTo=/events/…, the page we start on,
  // and the next navigation would then cancel the sign-in before its cookie arrives.
  await page.waitForURL((u) => u.pathname === `/events/${SLUG}`);
}

/** Opens a page and checks it answered; on failure says where the browser was and what it showed. */
async function open(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res?.status(), `${path} answered`).toBeLessThan(400);
}

async function follow(page: Page, link: Locator) {
  try {
    await link.click({ timeout: 15_000 });
  } catch (e) {
    const shown = await page
      .locator("body")
      .innerText()
      .catch(() => "(no body)");
    throw new Error(
      `${(e as Error).message.split("\n")[0]}\n  at ${page.url()}, which showed: ${shown.replace(/\s+/g, " ").slice(0, 800)}`,
    );
  }
}

for (const locale of ["en", "ar"] as const) {
  test.describe(`WCAG 2.2 AA in ${locale}`, () => {
    test.use({ locale });

    test(`public pages (${locale})`, async ({ page }) => {
      await page.goto(`/events/${SLUG}`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      if (locale === "ar") await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expectNoViolations(page, "event page with the registration form");
      await page.goto("/login");
      await expectNoViolations(page, "sign-in");
    });

    test(`organiser's pages (${locale})`, async ({ page }) => {
      test.setTimeout(90_000);
      await signIn(page, "organiser@plenary.demo");
      await open(page, `/events/${SLUG}/manage`);
      await expectNoViolations(page, "dashboard");
      // Chart labels stay beside their bars on a right-to-left page too, not under them.
      const label = await page.locator(".chart-label").first().boundingBox();
      const bar = await page.locator(".chart-bar").first().boundingBox();
      expect(label && bar && label.x + label.width <= bar.x + 1, "first chart label ends before its bar starts").toBe(
        true,
      );
      await open(page, `/events/${SLUG}/manage/participants`);
      await expectNoViolations(page, "participants");
      await open(page, `/events/${SLUG}/manage/add-participants`);
      await expectNoViolations(page, "add participants");
      await open(page, `/events/${SLUG}/manage/form`);
      const ask = page.locator("details.edit-question summary, details.confirm summary");
      if (await ask.count()) await ask.first().click();
      await expectNoViolations(page, "registration form set-up, with a question asked first");
      await open(page, `/events/${SLUG}/breakouts`);
      await follow(page, page.locator("main a[href*='/breakouts/']").first());
      await page.waitForURL(/\/breakouts\/.+/);
      await expectNoViolations(page, "breakout round");
      await open(page, `/events/${SLUG}`);
      await follow(page, page.getByTestId("boards").locator("a").first());
      await expect(page.getByTestId("connection")).toBeVisible();
      await expectNoViolations(page, "board");
      // The rapporteur's summary, written beside the room's live board.
      await follow(page, page.locator(`a[href$="/summary"]`));
      await page.waitForURL(/\/summary$/);
      await expect(page.getByTestId("summary-board")).toBeVisible();
      await expectNoViolations(page, "rapporteur's summary");
      await open(page, `/events/${SLUG}/report/edit`);
      const generate = page.locator("button[value=generate]");
      if ((await page.getByTestId("report-status").count()) === 0) await generate.click();
      await expect(page.getByTestId("report-status")).toBeVisible();
      await expectNoViolations(page, "report editor");
      // Publish (once), so the public report can be checked too.
      for (const [step, next] of [
        ["submit", "in_review"],
        ["approve", "approved"],
      ] as const) {
        const button = page.locator(`button[value=${step}]`);
        if (await button.count()) {
          await button.click();
          await expect(page.getByTestId("report-status")).toHaveAttribute("data-status", next);
        }
      }
      // Publishing asks first (its confirm form carries intent=publish).
      const publish = page.locator("details.confirm", { has: page.locator("input[name=intent][value=publish]") });
      if (await publish.count()) {
        await publish.locator("summary").click();
        await publish.locator("button[type=submit]").click();
        await expect(page.getByTestId("report-status")).toHaveAttribute("data-status", "published");
      }
    });

    test(`administration (${locale})`, async ({ page }) => {
      await page.goto(`/login?redirectTo=/admin`);
      await page.locator("input[name=email]").fill("admin@plenary.demo");
      await page.locator("input[name=password]").fill("plenary-demo-2026");
      await page.locator("main form button[type=submit]:not([name])").click();
      await page.waitForURL((u) => u.pathname === "/admin");
      await expectNoViolations(page, "instance settings");
      await open(page, "/admin/users");
      await page.locator("details.confirm summary").first().click();
      await expectNoViolations(page, "accounts, with a disabling asked first");
    });

    test(`participant's board and the public report (${locale})`, async ({ page }) => {
      await signIn(page, "participant@plenary.demo");
      await follow(page, page.getByTestId("boards").locator("a").first());
      await expect(page.getByTestId("connection")).toBeVisible();
      await expectNoViolations(page, "participant's board");
      const res = await page.goto(`/events/${SLUG}/report`);
      expect(res?.status()).toBe(200);
      await expectNoViolations(page, "public report");
    });
  });
}
