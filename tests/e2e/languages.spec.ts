import { defaultScreenReaderInstructions } from "@dnd-kit/core";
import type { Page } from "@playwright/test";
import { RESOURCES } from "../../app/i18n";
import { CATALOGUES } from "../../server/core/i18n/messages";
import { BOARD_CATEGORIES, defaultCategoryName } from "../../server/core/boards/category-names";
import { reportTexts } from "../../server/core/reports/texts";
import { expect, signInAs, test } from "./fixtures";

// On a French, Spanish or Arabic page no English is left that Plenary wrote: interface text,
// the defaults it stored (stakeholder categories, board categories, author labels), keys such
// as `report.publish`, JSON, ISO dates. What people wrote stays as they wrote it, and is marked
// as theirs (its language, or dir="auto"/<bdi>), which is how this test tells the two apart.

const SLUG = "migrant-women-local-decision-making";
const ACTION = `Open a childcare corner at every consultation ${Date.now()}`;

type Tree = { [k: string]: string | Tree };
const leaves = (t: Tree): string[] => Object.values(t).flatMap((v) => (typeof v === "string" ? [v] : leaves(v)));

/** English interface phrases that the target language says otherwise, split where values go in. */
function englishPhrases(locale: "fr" | "es" | "ar"): string[] {
  // The interface's words and the core's messages (errors, refusals) alike.
  const theirs = new Set(
    [...leaves(RESOURCES[locale] as unknown as Tree), ...leaves(CATALOGUES[locale] as unknown as Tree)].flatMap((s) =>
      s.split(/\{\{\w+\}\}/),
    ),
  );
  const phrases = new Set<string>();
  for (const text of [...leaves(RESOURCES.en as unknown as Tree), ...leaves(CATALOGUES.en as unknown as Tree)])
    for (const part of text.split(/\{\{\w+\}\}/)) {
      const p = part.trim().replace(/^[\s:;,.·—–()“”"]+|[\s:;,.·—–()“”"…]+$/g, "");
      // A word of three letters at least, and not also the other language's (names, formats, "Plenary").
      if (/[A-Za-z]{3,}/.test(p) && ![...theirs].some((x) => x.includes(p))) phrases.add(p);
    }
  phrases.add(defaultScreenReaderInstructions.draggable.trim().split("\n")[0]!.trim());
  phrases.add("draggable");
  return [...phrases];
}

/** What Plenary stored in English and `locale` says otherwise: shown anywhere on its pages, it was not translated. */
function storedDefaults(locale: "fr" | "es" | "ar"): string[] {
  const groups = Object.entries(reportTexts("en").groups).filter(([k, v]) => reportTexts(locale).groups[k] !== v);
  const boards = BOARD_CATEGORIES.filter((c) => defaultCategoryName(locale, c) !== defaultCategoryName("en", c));
  return [
    ...groups.map(([, v]) => v),
    ...boards.map((c) => defaultCategoryName("en", c)!),
    "Participant",
    "Former participant",
    "woman",
  ];
}

type Finding = { where: string; text: string; why: string };

async function englishLeft(page: Page, phrases: string[], stored: string[]): Promise<Finding[]> {
  return page.evaluate(
    ({ phrases, stored }) => {
      const lang = document.documentElement.lang;
      const found: { where: string; text: string; why: string }[] = [];
      const phraseSet = new Set(phrases);
      const storedSet = new Set(stored);
      const where = (el: Element) => {
        const parts: string[] = [];
        for (let e: Element | null = el; e && parts.length < 3; e = e.parentElement)
          parts.unshift(
            e.tagName.toLowerCase() +
              (e.id ? `#${e.id}` : e.getAttribute("data-testid") ? `[${e.getAttribute("data-testid")}]` : ""),
          );
        return parts.join(" > ");
      };
      // People's words: marked with another language, set apart with dir="auto", or in a <bdi>.
      const theirs = (el: Element) =>
        !!el.closest(`bdi, [dir="auto"], [lang]:not([lang="${lang}"]), textarea, input, time, script, style, code`);
      const check = (text: string, el: Element, own: boolean) => {
        const t = text.trim().replace(/^[\s:;,.·—–()“”"«»]+|[\s:;,.·—–()“”"«»…]+$/g, "");
        if (!t) return;
        if (storedSet.has(t)) found.push({ where: where(el), text: t, why: "stored default in English" });
        if (own) return;
        if (phraseSet.has(t)) found.push({ where: where(el), text: t, why: "English interface text" });
        if (/^[a-z]+(\.[a-z_]+)+$/.test(t)) found.push({ where: where(el), text: t, why: "a key, not words" });
        if (/[{[]\s*"\w+"\s*:/.test(t)) found.push({ where: where(el), text: t, why: "raw JSON" });
        if (/\b\d{4}-\d{2}-\d{2}\b/.test(t)) found.push({ where: where(el), text: t, why: "an ISO date" });
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      // Text runs: the text directly in one element, which is how a sentence with a name in it is cut.
      const runs = new Map<Element, string>();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (el.closest("script, style")) continue;
        runs.set(el, (runs.get(el) ?? "") + (n.textContent ?? ""));
      }
      for (const [el, text] of runs) check(text, el, theirs(el));
      for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], [alt], [aria-roledescription]"))
        for (const a of ["aria-label", "title", "placeholder", "alt", "aria-roledescription"]) {
          const v = el.getAttribute(a);
          // "Edit: <a note's first words>": the part before the colon is the interface's.
          if (v) check(v.split(": ")[0]!, el, false);
        }
      return found;
    },
    { phrases, stored },
  );
}

test("the organiser records what the pages then describe: an export, an action item and its changes", async ({
  page,
}) => {
  await signInAs(page, "organiser@plenary.demo", `/events/${SLUG}/actions`);
  expect((await page.request.get(`/events/${SLUG}/manage/participants.csv`)).status()).toBe(200);
  const create = page.locator("details", { has: page.locator("#new-title") });
  if (!(await create.evaluate((d) => (d as HTMLDetailsElement).open))) await create.locator("summary").click();
  await page.locator("#new-title").fill(ACTION);
  await page.locator("#new-owner").fill("Ville de Lyon");
  await page.locator("button[name=intent][value=create]").click();
  const item = page.getByTestId("action-items").locator("li.card", { hasText: ACTION });
  await expect(item).toBeVisible();
  await item.locator(":scope > details").first().locator(":scope > summary").click();
  const id = await item.locator("input[name=itemId]").first().inputValue();
  await item.locator(`#${id}-status`).selectOption("agreed");
  await item.locator(`#${id}-dueDate`).fill("2031-03-31");
  await item.locator(`#${id}-progress`).fill("Premier espace ouvert à Lyon.");
  await item.locator("button[name=intent][value=update]").click();
  await expect(item.getByTestId("action-history").locator("li")).toHaveCount(2);
});

for (const locale of ["fr", "es", "ar"] as const) {
  test.describe(`no English left in ${locale}`, () => {
    test.use({ locale });
    const phrases = englishPhrases(locale);
    const stored = storedDefaults(locale);

    async function expectNone(page: Page, path: string) {
      const res = await page.goto(path);
      expect(res?.status(), `${path} answered`).toBeLessThan(400);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      expect(await englishLeft(page, phrases, stored), `${locale} ${path}`).toEqual([]);
    }

    test(`public pages and the participant's (${locale})`, async ({ page }) => {
      for (const path of ["/", "/login", "/signup", "/forgot-password", `/events/${SLUG}`, `/events/${SLUG}/follow-up`])
        await expectNone(page, path);
      // Organisers' own words are theirs: the demo's organisers gave the title in this language, so it
      // is shown in it and marked with it; the English original is not shown.
      await page.goto(`/events/${SLUG}`);
      await expect(page.locator("main h1")).toHaveAttribute("lang", locale);
      await expect(page.locator("main h1")).not.toContainText("Cities of Welcome");
      await signInAs(page, "participant@plenary.demo", `/events/${SLUG}`);
      const board = await page.getByTestId("boards").locator("a").first().getAttribute("href");
      for (const path of [`/events/${SLUG}`, "/my-events", "/account", `/events/${SLUG}/live`, board!])
        await expectNone(page, path);
    });

    test(`the organiser's pages (${locale})`, async ({ page }) => {
      test.setTimeout(120_000);
      await signInAs(page, "organiser@plenary.demo", `/events/${SLUG}`);
      const boards = await page
        .getByTestId("boards")
        .locator("a")
        .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
      const manage = ["", "/participants", "/add-participants", "/settings", "/agenda", "/form", "/team", "/audit"];
      for (const tab of manage) await expectNone(page, `/events/${SLUG}/manage${tab}`);
      await expectNone(page, `/events/${SLUG}/breakouts`);
      const round = await page.locator("main a[href*='/breakouts/']").first().getAttribute("href");
      await expectNone(page, round!);
      for (const b of boards) await expectNone(page, b);
      await expectNone(page, `${boards[0]}/summary`);
      await expectNone(page, `/events/${SLUG}/actions`);
      await expectNone(page, `/events/${SLUG}/report/edit`);
      // A form the server refuses: its errors, with their bounds, in the page's language.
      await expectNone(page, "/events/new");
      await page.locator("main input[name=title]").fill("x".repeat(201));
      await page.locator("main form button[type=submit]").click();
      await expect(page.getByTestId("error-summary")).toBeVisible();
      await expect(page.locator("main")).toContainText(CATALOGUES[locale].common.correctFields);
      await expect(page.locator("main")).toContainText(CATALOGUES[locale].validation.tooLong.replace("{{max}}", "200"));
      expect(await englishLeft(page, phrases, stored), `${locale} refused form`).toEqual([]);
    });
  });
}
