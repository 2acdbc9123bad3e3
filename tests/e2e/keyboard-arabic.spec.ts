import type { Locator, Page } from "@playwright/test";
import { expect, openRoundAfresh, test } from "./fixtures";

const SLUG = "migrant-women-local-decision-making";

/** Moves focus with Tab (only) until `target` has it, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, max = 400) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${target} with Tab`);
}

/** Chooses an option of a focused <select> with the arrow keys. */
async function arrowTo(page: Page, select: Locator, value: string) {
  await tabTo(page, select);
  for (let i = 0; i < 300 && (await select.inputValue()) !== value; i++) await page.keyboard.press("ArrowDown");
  expect(await select.inputValue()).toBe(value);
}

test.use({ locale: "ar" });

test("in Arabic and with the keyboard alone, a participant registers, joins a room, posts a note and votes", async ({
  page,
  freshPage,
}) => {
  test.setTimeout(120_000);
  const email = `keyboard.${Date.now()}@example.org`;

  // Create an account.
  await page.goto("/signup");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await tabTo(page, page.locator("input[name=name]"));
  await page.keyboard.type("ليلى حداد");
  await tabTo(page, page.locator("input[name=email]"));
  await page.keyboard.type(email);
  await tabTo(page, page.locator("input[name=password]"));
  await page.keyboard.type("كلمة-مرور-طويلة-2026");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("signup-sent")).toBeVisible();

  // The account exists once she opens the link emailed to her (read here through the dev mailbox, which only
  // the platform administrator may open).
  const admin = await freshPage();
  await admin.goto(`/login?redirectTo=${encodeURIComponent(`/dev/mailbox?to=${email}`)}`);
  await admin.locator("input[name=email]").fill("admin@plenary.demo");
  await admin.locator("input[name=password]").fill("plenary-demo-2026");
  await admin.locator("main form button[type=submit]:not([name])").click();
  await admin.waitForURL("**/dev/mailbox**");
  await admin.locator("main a[href^='/dev/mailbox/']").first().click();
  const confirm = await admin.getByTestId("mail-body").innerText();
  expect(confirm).toContain("افتح هذا الرابط خلال 48 ساعة"); // written in the language she signed up in
  await page.goto(new URL(confirm.match(/https?:\/\/\S+\/signup\/confirm\/\S+/)![0]).pathname);
  await page.waitForURL("**/my-events");

  // Register for the dialogue.
  await page.goto(`/events/${SLUG}`);
  const form = page.locator("form[aria-label='سجِّل']");
  await tabTo(page, form.locator("input[name=organisation]"));
  await page.keyboard.type("جمعية النساء المهاجرات في عمّان");
  await arrowTo(page, form.locator("select[name=categoryKey]"), "migrant_led");
  await tabTo(page, form.locator("input[name=city]"));
  await page.keyboard.type("عمّان");
  await arrowTo(page, form.locator("select[name=country]"), "JO");
  await tabTo(page, form.locator("input[name=gender]"));
  await page.keyboard.type("woman");
  await tabTo(page, form.locator("input[name=consentData]"));
  await page.keyboard.press("Space");
  await tabTo(page, form.locator("button[type=submit]"));
  await page.keyboard.press("Enter");
  await expect(page.getByText("تم تسجيلك.", { exact: false })).toBeVisible();

  // A facilitator (mouse, another browser) opens the breakout round.
  const facilitator = await freshPage();
  // The facilitator reads English: the language cookie the switcher sets (Remix's encoding of "en").
  await facilitator.context().addCookies([
    {
      name: "plenary_lang",
      value: encodeURIComponent(Buffer.from(JSON.stringify("en")).toString("base64")),
      url: new URL(page.url()).origin,
    },
  ]);
  await facilitator.goto(`/login?redirectTo=/events/${SLUG}/breakouts`);
  await facilitator.getByLabel("Email").fill("facilitator@plenary.demo");
  await facilitator.getByLabel("Password").fill("plenary-demo-2026");
  await facilitator.getByRole("button", { name: "Sign in" }).click();
  await facilitator.getByRole("link", { name: "Challenges, barriers and opportunities" }).click();
  await openRoundAfresh(facilitator);
  const roundUrl = facilitator.url();

  // The participant goes to the live session: their room's page holds its board.
  const live = page.locator(`a[href='/events/${SLUG}/live']`);
  await tabTo(page, live);
  await page.keyboard.press("Enter");
  await page.waitForURL("**/live");
  await expect(page.getByTestId("connection")).toHaveText("متصل");
  const boardUrl = (await page.getByTestId("present-link").getAttribute("href"))!.replace(/\/present$/, "");

  // Post a note in "barriers".
  const composer = page.locator("#new-barriers");
  await tabTo(page, composer);
  await page.keyboard.type("لا توجد حضانة أثناء دروس اللغة");
  await page.keyboard.press("Control+Enter");
  const note = page
    .getByTestId("column-barriers")
    .getByTestId("note")
    .filter({ hasText: "لا توجد حضانة أثناء دروس اللغة" });
  await expect(note).toBeVisible();

  // The facilitator starts the vote; the participant puts a dot on their note.
  await facilitator.goto(boardUrl);
  await expect(facilitator.getByTestId("connection")).toHaveText("Connected");
  await facilitator.getByLabel("Phase", { exact: true }).selectOption("vote");
  await facilitator.getByRole("button", { name: "Apply: Phase" }).click();
  await expect(page.getByTestId("phase")).toContainText("التصويت");
  const addDot = note.getByRole("button", { name: "إضافة نقطة" });
  await tabTo(page, addDot);
  await page.keyboard.press("Enter");
  await expect(note).toContainText("نقاطي: 1");

  // Leave the demo as it was for the other tests.
  await facilitator.getByLabel("Phase", { exact: true }).selectOption("group");
  await facilitator.getByRole("button", { name: "Apply: Phase" }).click();
  await expect(page.getByTestId("phase")).not.toContainText("التصويت");
  await facilitator.goto(roundUrl);
  await expect(facilitator.getByTestId("round-status")).toContainText("Running");
  await facilitator.getByRole("button", { name: "Close the round" }).click();
  await expect(facilitator.getByTestId("round-status")).toContainText("Closed");
});
