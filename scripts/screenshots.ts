/**
 * `npm run screenshots`: the README's pictures of the main pages and the room, taken in a real browser from a running
 * Plenary with the demo dialogue (`npm start`), so they show what the code draws today.
 *
 *   PORT=3122 npm start            # in one terminal (a fresh database gets the demo)
 *   BASE_URL=http://127.0.0.1:3122 npm run screenshots
 *
 * It opens the demo's breakout round for the pictures and closes it again. CHROMIUM_PATH points at
 * a browser other than Debian's /usr/bin/chromium.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "docs", "screenshots");
const base = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const SLUG = "migrant-women-local-decision-making";
const PASSWORD = "plenary-demo-2026";

async function person(browser: Browser, email: string, locale: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ locale, viewport, deviceScaleFactor: 1, baseURL: base });
  const page = await context.newPage();
  await page.goto(`/login?redirectTo=/events/${SLUG}`);
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill(PASSWORD);
  await page.locator("main form button[type=submit]:not([name])").click();
  await page.waitForURL((u) => u.pathname === `/events/${SLUG}`);
  return page;
}

async function shot(page: Page, name: string) {
  // Fonts and live state settle before the picture.
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  process.stdout.write(`docs/screenshots/${name}.png\n`);
}

async function round(page: Page, intent: "open" | "close") {
  await page.goto(`/events/${SLUG}/breakouts`);
  await page.locator("main a[href*='/breakouts/']").first().click();
  const button = page.locator(`button[name=intent][value=${intent}]`);
  const done = page.locator(`button[name=intent][value=${intent === "open" ? "close" : "open"}]`);
  await button.or(done).first().waitFor();
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  if (await button.count()) await button.click();
  await done.waitFor();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  // The public event page, as a visitor first meets it: on a desktop in English, on a phone in Arabic.
  for (const [locale, viewport, name] of [
    ["en", { width: 1440, height: 1000 }, "event-page"],
    ["ar", { width: 390, height: 844 }, "event-page-phone-ar"],
  ] as const) {
    const context = await browser.newContext({ locale, viewport, deviceScaleFactor: 1, baseURL: base });
    const visitor = await context.newPage();
    await visitor.goto(`/events/${SLUG}`);
    await shot(visitor, name);
    await context.close();
  }

  const organiser = await person(browser, "organiser@plenary.demo", "en", { width: 1440, height: 1000 });
  await organiser.goto(`/events/${SLUG}/manage`);
  await organiser.getByTestId("stats").waitFor();
  await shot(organiser, "organiser-dashboard");
  await organiser.goto(`/events/${SLUG}/manage/participants`);
  await organiser.locator("main table").first().waitFor();
  await shot(organiser, "participants");

  const facilitator = await person(browser, "facilitator@plenary.demo", "en", { width: 1440, height: 1000 });
  await round(facilitator, "open");
  await shot(facilitator, "breakout-round");

  const participant = await person(browser, "participant@plenary.demo", "en", { width: 1440, height: 1000 });
  await participant.goto(`/events/${SLUG}/live`);
  await participant.getByTestId("column-barriers").waitFor();
  await shot(participant, "room-participant-desktop");
  const card = participant.getByTestId("note").first();
  await card.locator(".note-menu-button").click();
  await shot(participant, "room-card-menu");

  const phone = await person(browser, "participant@plenary.demo", "ar", { width: 390, height: 844 });
  await phone.goto(`/events/${SLUG}/live`);
  await phone.getByTestId("column-barriers").waitFor();
  await shot(phone, "room-participant-phone-ar");

  const board = (await participant.getByTestId("present-link").getAttribute("href"))!.replace(/\/present$/, "");
  await facilitator.goto(board);
  await facilitator.getByTestId("column-challenges").waitFor();
  await shot(facilitator, "board-facilitator");
  await facilitator.goto(`${board}/present`);
  await facilitator.getByTestId("presenter-qr").waitFor();
  await shot(facilitator, "presenter-view");

  await round(facilitator, "close");

  // The report editor with a generated draft (generating only adds a draft; nothing is published).
  const secretariat = await person(browser, "secretariat@plenary.demo", "en", { width: 1440, height: 1000 });
  await secretariat.goto(`/events/${SLUG}/report/edit`);
  await secretariat.locator("html[data-hydrated]").waitFor({ state: "attached" });
  const generate = secretariat.locator("button[name=intent][value=generate]").first();
  if (!(await secretariat.getByTestId("report-status").count())) {
    await generate.click();
    await secretariat.getByTestId("report-status").waitFor();
  }
  await shot(secretariat, "report-editor");
} finally {
  await browser.close();
}
