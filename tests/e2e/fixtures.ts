import { test as base, expect, type Page } from "@playwright/test";

/**
 * Every page a test opens (through `page` or `freshPage`) fails the test on a
 * browser console error or an uncaught exception, so hydration mismatches and
 * client crashes cannot pass unnoticed behind a page that merely looks right.
 */
export const test = base.extend<{ problems: string[]; freshPage: () => Promise<Page> }>({
  problems: [
    async ({}, use) => {
      const problems: string[] = [];
      await use(problems);
      expect(problems, "browser console errors").toEqual([]);
    },
    { auto: true },
  ],
  page: async ({ page, problems }, use) => {
    watch(page, problems);
    await use(page);
  },
  /** A page in a new browser context: another person, with their own cookies. */
  freshPage: async ({ browser, problems }, use) => {
    const contexts: import("@playwright/test").BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      watch(page, problems);
      return page;
    });
    for (const c of contexts) await c.close();
  },
});

function watch(page: Page, problems: string[]) {
  page.on("console", (m) => {
    // A 4xx answer to the page itself or to its own form submissions (?_data=)
    // is the status under test (a refused sign-in, a 404 page), not a fault.
    const url = m.location().url;
    const expected = /^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()) && (url === page.url() || url.includes("_data="));
    if (m.type() === "error" && !expected) problems.push(`${page.url()}: ${m.text()} (${url})`);
  });
  page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
}

export { expect };
