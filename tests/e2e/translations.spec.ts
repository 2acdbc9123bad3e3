import type { Page } from "@playwright/test";
import { expectNoViolations } from "./axe";
import { expect, test } from "./fixtures";

const SLUG = "migrant-women-local-decision-making";
/** The demo's French title (server/seed/demo-translations.ts). */
const FRENCH = "Villes accueillantes : la voix des femmes migrantes dans les décisions locales";

async function saveFrenchTitle(page: Page, title: string) {
  await page.goto(`/events/${SLUG}/manage/translations?language=fr`);
  await page.locator("textarea[name='event.title']").fill(title);
  await page.locator("main form[method=post] button[type=submit]").click();
  await expect(page.locator("main [role=status]")).toBeVisible();
}

/** Switches `page` to `locale` with the switcher every page has, as a reader would. */
async function readIn(page: Page, locale: string) {
  await page.goto(`/events/${SLUG}`);
  await page.locator("#language-select").selectOption(locale);
  await page.locator("form.language-switcher button[type=submit]").click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

for (const locale of ["en", "ar"] as const) {
  test.describe(`the organisers' words in every working language (${locale})`, () => {
    test.use({ locale });

    test(`an organiser gives the title in French; a French reader sees it, others their own or the original (${locale})`, async ({
      page,
      freshPage,
    }) => {
      await page.goto(`/login?redirectTo=/events/${SLUG}/manage/translations`);
      await page.locator("input[name=email]").fill("organiser@plenary.demo");
      await page.locator("input[name=password]").fill("plenary-demo-2026");
      await page.locator("main form button[type=submit]:not([name])").click();
      await page.waitForURL((u) => u.pathname === `/events/${SLUG}/manage/translations`);
      // French first (the event's first other working language), with the demo's French already given.
      await expect(page.locator("textarea[name='event.title']")).toHaveValue(FRENCH);
      await expectNoViolations(page, `translations page (${locale})`);

      const changed = `${FRENCH} — ${locale}`;
      try {
        await saveFrenchTitle(page, changed);
        const reader = await freshPage();
        await readIn(reader, "fr");
        await expect(reader.getByRole("heading", { level: 1 })).toHaveText(changed);
        await readIn(reader, "en");
        await expect(reader.getByRole("heading", { level: 1 })).toHaveText(/^Cities of Welcome/);
        await readIn(reader, "es");
        await expect(reader.getByRole("heading", { level: 1 })).toHaveText(/^Ciudades de acogida/);
      } finally {
        // Leave the demo as it was.
        await saveFrenchTitle(page, FRENCH);
      }
    });
  });
}
