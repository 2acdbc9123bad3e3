import type { Locator, Page } from "@playwright/test";
import { expectNoViolations } from "./axe";
import { expect, test } from "./fixtures";

const PASSWORD = "plenary-demo-2026";
const SLUG = "migrant-women-local-decision-making";
/** Room C's name as the organisers gave it in each language (server/seed/demo-translations.ts). */
const ROOM_C = { en: /^Room C/, ar: /^الغرفة ج/ };

async function signIn(page: Page, email: string, to: string) {
  await page.goto(`/login?redirectTo=${encodeURIComponent(to)}`);
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill(PASSWORD);
  await page.locator("main form button[type=submit]:not([name])").click();
  await page.waitForURL((u) => u.pathname === to);
}

/** Opens the round shown (closing it first if an earlier attempt left it running), whatever the page's language. */
async function openRoundAfresh(facilitator: Page) {
  const open = facilitator.locator("button[name=intent][value=open]");
  const close = facilitator.locator("button[name=intent][value=close]");
  await expect(open.or(close)).toBeVisible();
  if (await close.count()) {
    await close.click();
    await expect(open).toBeVisible();
  }
  await open.click();
  await expect(close).toBeVisible();
}

/**
 * Drags `handle` with the mouse onto `target`, in steps, and lets go once the board says it is over
 * `place` (as a person waits to see the drop target light up; on a loaded machine dnd-kit measures
 * the groups a moment after the drag starts).
 */
async function dragWithMouse(page: Page, handle: Locator, target: Locator, place: string) {
  // Mid-screen, so dnd-kit's auto-scroll near the window's edges does not move the page under the pointer.
  await target.evaluate((e) => e.scrollIntoView({ block: "center" }));
  await handle.hover();
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 3 });
  const x = to.x + to.width / 2;
  const y = to.y + Math.min(24, to.height / 2);
  await page.mouse.move(x, y, { steps: 12 });
  const heard = page.getByTestId("dnd-announcer");
  // As a person corrects their aim: if the page scrolled under the pointer (dnd-kit scrolls while
  // dragging) or the groups were measured late, move again to where the target is now.
  for (let i = 0; i < 10 && !(await heard.textContent())?.includes(place); i++) {
    const now = (await target.boundingBox())!;
    await page.mouse.move(now.x + now.width / 2, now.y + Math.min(24, now.height / 2) + (i % 2), { steps: 4 });
  }
  await expect(heard).toContainText(place);
  await page.mouse.up();
}

/**
 * Moves `card` with the keyboard alone, as a screen-reader user does: Space lifts it, arrow keys move
 * it (25 px a press) until the announcement says it is over `place`, Space drops it.
 */
async function dragWithKeyboard(page: Page, card: Locator, target: Locator, place: string) {
  await target.scrollIntoViewIfNeeded();
  const from = (await card.boundingBox())!;
  const to = (await target.boundingBox())!;
  const key = to.y + to.height / 2 < from.y + from.height / 2 ? "ArrowUp" : "ArrowDown";
  const heard = page.getByTestId("dnd-announcer");
  await card.locator(".drag-handle").focus();
  await page.keyboard.press("Space");
  for (let i = 0; i < 40 && !(await heard.textContent())?.includes(place); i++) await page.keyboard.press(key);
  await expect(heard).toContainText(place);
  await page.keyboard.press("Space");
}

for (const locale of ["en", "ar"] as const) {
  test.describe(`the room (${locale})`, () => {
    test.use({ locale });

    test(`a participant's room is one page with its board, on a phone and on a desktop (${locale})`, async ({
      page,
      freshPage,
    }) => {
      test.setTimeout(120_000);
      const facilitator = await freshPage();
      await signIn(facilitator, "facilitator@plenary.demo", `/events/${SLUG}/breakouts`);
      await facilitator.locator("main a[href*='/breakouts/']").first().click();
      await openRoundAfresh(facilitator);

      await page.setViewportSize({ width: 390, height: 844 });
      await signIn(page, "participant@plenary.demo", `/events/${SLUG}/live`);
      await expect(page.getByTestId("room-name")).toHaveText(ROOM_C[locale]);
      // The question, the presence and the board are on the same page: nothing to open.
      await expect(page.getByTestId("guiding-questions")).toBeVisible();
      await expect(page.getByTestId("board").getByTestId("connection")).toBeVisible();
      await expect(page.getByTestId("column-barriers")).toBeVisible();
      // Nothing wider than the phone (WCAG 1.4.10), whatever earlier tests left on the board (long categories, labels).
      const wider = await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .slice(0, 5)
          .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}.${e.className}`),
      );
      expect(wider, "elements wider than a 390 px phone").toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);

      // The composer counts characters and posts with Ctrl+Enter.
      const text =
        locale === "ar" ? "لا يوجد نقل للمشاركات من الأحياء البعيدة" : "No transport for women from outer districts";
      const composer = page.locator("#new-barriers");
      await composer.fill(text);
      const form = page.locator("form.composer", { has: composer });
      await expect(form.getByTestId("composer-count")).toContainText(`${text.length}/500`);
      await composer.press("Control+Enter");
      const note = page.getByTestId("column-barriers").getByTestId("note").filter({ hasText: text });
      await expect(note).toBeVisible();
      await expect(composer).toHaveValue("");
      await expect(form.getByTestId("composer-count")).toContainText("0/500");

      // A card shows its text, group and votes, and one control: its menu.
      await expect(note.getByTestId("votes")).toBeVisible();
      await expect(note.getByRole("button")).toHaveCount(1);
      await expect(note.locator("select, input, textarea")).toHaveCount(0);
      await expect(note.locator("svg.icon")).toHaveCount(1);
      await expectNoViolations(page, `participant's room on a phone (${locale})`);

      const menu = note.locator(".note-menu-button");
      await menu.click();
      await expect(menu).toHaveAttribute("aria-expanded", "true");
      await expect(note.locator(".menu-panel .menu-item")).not.toHaveCount(0);
      await expectNoViolations(page, `a card's menu, open (${locale})`);
      await page.keyboard.press("Escape");
      await expect(menu).toBeFocused();
      await expect(menu).toHaveAttribute("aria-expanded", "false");

      // Reactions are icons drawn in SVG, counted on the card.
      await menu.click();
      await note.locator(".reaction-row button").first().click();
      await expect(note.locator(".note-counts")).toContainText("1");
      await page.keyboard.press("Escape");
      await expect(menu).toHaveAttribute("aria-expanded", "false");

      // On a desktop the room's facts sit beside the board (on the start side: right in Arabic).
      await page.setViewportSize({ width: 1280, height: 900 });
      const side = (await page.locator(".room-side").boundingBox())!;
      const board = (await page.locator(".room-board").boundingBox())!;
      if (locale === "ar") expect(side.x).toBeGreaterThanOrEqual(board.x + board.width - 1);
      else expect(side.x + side.width).toBeLessThanOrEqual(board.x + 1);
      await expectNoViolations(page, `participant's room on a desktop (${locale})`);

      // Leave the demo as it was.
      await note.locator(".note-menu-button").click();
      await note.locator(".menu-item.danger-text").click();
      await expect(note).toHaveCount(0);
      await facilitator.locator("button[name=intent][value=close]").click();
      await expect(facilitator.locator("button[name=intent][value=open]")).toBeVisible();
    });

    test(`a facilitator groups by drag and by keyboard, previews suggestions on the board, and presents it (${locale})`, async ({
      page,
    }) => {
      test.setTimeout(150_000);
      await signIn(page, "facilitator@plenary.demo", `/events/${SLUG}`);
      await page.getByTestId("boards").getByRole("link", { name: ROOM_C[locale] }).click();
      await expect(page.getByTestId("board").getByTestId("connection")).toHaveAttribute("class", /connection-online/);
      const column = page.getByTestId("column-challenges");
      const stamp = Date.now() % 100_000;
      const [careLabel, voiceLabel] = [`Care ${stamp}`, `Voice ${stamp}`];
      const createCluster = async (label: string) => {
        await page.locator("#cluster-label").fill(label);
        await page.locator("#cluster-category").selectOption("challenges");
        await page.locator("form:has(#cluster-label) button[type=submit]").click();
        await expect(column.getByTestId("cluster").filter({ hasText: label })).toBeVisible();
      };
      const care = column.getByTestId("cluster").filter({ hasText: careLabel });
      const voice = column.getByTestId("cluster").filter({ hasText: voiceLabel });
      const evening = column.getByTestId("note").filter({ hasText: "Consultations happen in the evening" });
      const speak = column.getByTestId("note").filter({ hasText: "Women speak less in mixed meetings" });
      const before = column.getByTestId("note").filter({ hasText: "Decisions are taken before consultation" });
      await createCluster(careLabel);

      // A card's cluster select and the phase select act only when confirmed: arrow keys alone send nothing.
      // The next operation (a new cluster) is the only event the board then receives.
      const grouped = column.getByTestId("cluster").getByTestId("note");
      const groupedBefore = await grouped.count();
      const seq = Number(await page.getByTestId("board").getAttribute("data-seq"));
      const phaseBefore = await page.getByTestId("phase").textContent();
      await before.locator(".note-menu-button").click();
      await before.locator("select").focus();
      await page.keyboard.press("ArrowDown");
      await page.locator("#phase").focus();
      await page.keyboard.press("ArrowDown");
      await createCluster(voiceLabel);
      await expect(page.getByTestId("board")).toHaveAttribute("data-seq", String(seq + 1));
      await expect(page.getByTestId("phase")).toHaveText(phaseBefore!);
      await expect(grouped).toHaveCount(groupedBefore);
      await expect(before.locator("xpath=ancestor::*[@data-testid='cluster']")).toHaveCount(0);

      // By mouse: the note lands in the cluster.
      await dragWithMouse(page, evening.locator(".drag-handle"), care, careLabel);
      await expect(care.getByTestId("note").filter({ hasText: "Consultations happen in the evening" })).toBeVisible();
      // By keyboard alone: the note moves, and focus stays on its handle where it landed.
      await dragWithKeyboard(page, speak, voice, voiceLabel);
      const moved = voice.getByTestId("note").filter({ hasText: "Women speak less in mixed meetings" });
      await expect(moved).toBeVisible();
      await expect(moved.locator(".drag-handle")).toBeFocused();
      // What a screen reader heard names the note and the cluster, never an id.
      await expect(page.getByTestId("dnd-announcer")).toContainText(voiceLabel);
      await expect(page.getByTestId("dnd-announcer")).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);

      // From the card's menu, confirmed with its button; focus stays on the note it moved.
      await before.locator(".note-menu-button").click();
      await before.locator("select").selectOption({ label: careLabel });
      await before.locator(".confirmed-choice button[type=submit]").click();
      const landed = care.getByTestId("note").filter({ hasText: "Decisions are taken before consultation" });
      await expect(landed).toBeVisible();
      await expect(landed.locator(".note-menu-button")).toBeFocused();

      // Dropping one cluster on another merges them; the header renames in place.
      await dragWithMouse(page, voice.locator(".cluster-head .drag-handle"), care, careLabel);
      await expect(voice).toHaveCount(0);
      await expect(care.getByTestId("note")).toHaveCount(3);
      await care.locator(".cluster-tools button").nth(1).click();
      // While renamed, the cluster's name is in the input, not in its text.
      const rename = column.locator(".rename input");
      await expect(rename).toBeFocused();
      await rename.fill(`${careLabel} and voice`);
      await rename.press("Enter");
      const renamed = column.getByTestId("cluster").filter({ hasText: `${careLabel} and voice` });
      await expect(renamed.getByRole("heading")).toContainText("(3)");
      await expectNoViolations(page, `facilitator's board with clusters (${locale})`);
      await renamed.locator(".cluster-tools .menu > button").click();
      await expectNoViolations(page, `a cluster's menu, open (${locale})`);
      await renamed.locator(".menu-item.danger-text").click();
      await expect(renamed).toHaveCount(0);

      // The presenter view: large type, live, the phase, a QR code to join, nothing to click.
      await page.getByTestId("present-link").click();
      await expect(page.getByTestId("presenter")).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(ROOM_C[locale]);
      await expect(page.getByTestId("presenter-qr")).toBeVisible();
      await expect(page.getByTestId("presenter-phase")).toBeVisible();
      await expect(page.locator("main button, main input, main select")).toHaveCount(0);
      const size = await page
        .getByTestId("presented-note")
        .first()
        .locator(".note-text")
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(20);
      await expectNoViolations(page, `presenter view (${locale})`);

      // Suggestions are drawn on the board; accept all, then undo all.
      await page.goto(`/events/${SLUG}`);
      await page
        .getByTestId("boards")
        .getByRole("link", { name: /^Plenary synthesis/ })
        .click();
      await expect(page.getByTestId("board").getByTestId("connection")).toHaveAttribute("class", /connection-online/);
      // Every room's barriers gathered here (again, if an earlier test did: gathering twice adds nothing).
      await page.locator("#pull-category").selectOption("barriers");
      await page.locator("form:has(#pull-category) button[type=submit]").click();
      await expect(page.getByTestId("column-barriers").getByTestId("note").nth(5)).toBeVisible();
      await page.locator("#suggest-category").selectOption("barriers");
      await page.locator("#suggest-k").fill("3");
      const barriers = page.getByTestId("column-barriers");
      const clusters = barriers.getByTestId("cluster");
      const existing = await clusters.count();
      await page.locator("[data-testid=suggestions] form button[type=submit]").first().click();
      const suggested = barriers.getByTestId("suggestion");
      await expect(suggested.first()).toBeVisible();
      await expect(suggested.first().getByTestId("note").first()).toBeVisible();
      await expectNoViolations(page, `suggested groups on the board (${locale})`);
      const groups = await suggested.count();
      // The demo's gathered barriers make several groups (the built-in engine is deterministic).
      expect(groups).toBeGreaterThanOrEqual(2);
      // Accept one: it becomes an ordinary cluster with its notes; the others stay proposed.
      await suggested.first().locator("button[type=submit]").click();
      await expect(clusters).toHaveCount(existing + 1);
      await expect(suggested).toHaveCount(groups - 1);
      // Accept all, then undo all: the board is as it was.
      await page.getByTestId("accept-all").or(suggested.first().locator("button[type=submit]")).first().click();
      await expect(suggested).toHaveCount(0);
      await expect(clusters).toHaveCount(existing + groups);
      await expect(page.getByTestId("suggestion-accepted")).toHaveCount(groups);
      await page.getByTestId("undo-all").click();
      await expect(clusters).toHaveCount(existing);
    });
  });
}
