import { test as base, expect, type Page, type BrowserContext } from "@playwright/test";

/**
 * Every page a test opens (through `page` or `freshPage`) fails the test on a
 * browser console error or an uncaught exception, so hydration mismatches and
 * client crashes cannot pass unnoticed behind a page that merely looks right.
 */
export const test = base.extend<{ problems: string[]; freshPage: () => Promise<Page> }>({
  problems: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
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
    const contexts: BrowserContext[] = [];
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

/**
 * Waits until React has hydrated the page just loaded. A test that clicks a button acting
 * through script before then (a slow machine takes seconds) would see nothing happen.
 */
export async function hydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached", timeout: 20_000 });
}

/** `goto` and `reload` return once an HTML page is hydrated, not merely loaded. */
function waitForHydrationOnLoad(page: Page) {
  for (const name of ["goto", "reload"] as const) {
    const original = page[name].bind(page) as (...args: unknown[]) => ReturnType<Page["goto"]>;
    (page as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      const response = await original(...args);
      if (response?.headers()["content-type"]?.startsWith("text/html")) await hydrated(page);
      return response;
    };
  }
}

function watch(page: Page, problems: string[]) {
  waitForHydrationOnLoad(page);
  page.on("console", (m) => {
    // A 4xx answer to the page itself or to its own form submissions (?_data=)
    // is the status under test (a refused sign-in, a 404 page), not a fault.
    const url = m.location().url;
    const expected =
      /^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()) &&
      (url === page.url() || url.includes("_data="));
    if (m.type() === "error" && !expected) problems.push(`${page.url()}: ${m.text()} (${url})`);
  });
  page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
}

export { expect };

/**
 * Opens the breakout round shown on `facilitator`'s page (English). A round still running
 * (an earlier attempt of the test stopped halfway) is closed first, so every attempt sees
 * the same transition.
 */
export async function openRoundAfresh(facilitator: Page) {
  const status = facilitator.getByTestId("round-status");
  await expect(status).toBeVisible();
  if ((await status.textContent())?.includes("Running")) {
    await facilitator.getByRole("button", { name: "Close the round" }).click();
    await expect(status).toContainText("Closed");
  }
  await facilitator.getByRole("button", { name: "Open the round" }).click();
  await expect(status).toContainText("Running");
}

/** Signs a demo account in through the sign-in form and waits for the page it was sent back to. */
export async function signInAs(page: Page, email: string, redirectTo: string) {
  await page.goto(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill("plenary-demo-2026");
  // The sign-in form's own button (the other one of that form emails a sign-in link instead).
  await page.locator("main form button[type=submit]:not([name])").click();
  await page.waitForURL((u) => u.pathname === redirectTo.split("?")[0]);
  await hydrated(page);
}
