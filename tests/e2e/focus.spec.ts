import { expect, signInAs, test } from "./fixtures";

// Focus goes where the person's attention must go: to the new page's heading after following a
// link, to the error summary after a failed submit, and with a note that was moved to another
// cluster (by its menu or by dragging it with the keyboard), never dropping to <body>.

const SLUG = "migrant-women-local-decision-making";

test("after an in-app navigation, focus is on the new page's main heading", async ({ page }) => {
  await page.goto("/");
  await page.locator(`main a[href="/events/${SLUG}"]`).first().click();
  await page.waitForURL((u) => u.pathname === `/events/${SLUG}`);
  await expect(page.locator("main h1")).toBeFocused();
  await expect(page.locator("main h1")).toContainText("Cities of Welcome");
  await page.locator("header a[href^='/login']").click();
  await page.waitForURL((u) => u.pathname === "/login");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeFocused();
});

test.describe("in Arabic", () => {
  test.use({ locale: "ar" });

  test("a failed registration lands on the error summary, whose links lead to each field", async ({ page }) => {
    await page.goto(`/events/${SLUG}`);
    const form = page.locator("form", { has: page.locator("select[name=country]") });
    await form.locator("input[name=organisation]").fill("جمعية النساء المهاجرات");
    await form.locator("button[type=submit]").click();
    const summary = page.getByTestId("error-summary");
    await expect(summary).toBeFocused();
    // It names the fields to correct, in the page's language, each a link to its field.
    const city = summary.getByRole("link", { name: "المدينة" });
    await expect(city).toBeVisible();
    await city.click();
    await expect(form.locator("input[name=city]")).toBeFocused();
    await expect(form.locator("input[name=city]")).toHaveAttribute("aria-invalid", "true");
  });
});

test("a note moved by its cluster menu or by dragging it with the keyboard keeps the focus", async ({ page }) => {
  test.setTimeout(60_000);
  await signInAs(page, "organiser@plenary.demo", `/events/${SLUG}`);
  await page.getByTestId("boards").locator("a").first().click();
  await expect(page.getByTestId("connection")).toHaveText("Connected");
  const label = `Focus ${Date.now()}`;
  await page.locator("#cluster-label").fill(label);
  await page.locator("#cluster-category").selectOption("challenges");
  await page.getByRole("button", { name: "Create cluster" }).click();
  const column = page.getByTestId("column-challenges");
  const cluster = column.locator(".cluster", { has: page.getByRole("heading", { name: new RegExp(label) }) });
  await expect(cluster).toBeVisible();

  const noteId = (await column.getByTestId("note").first().getAttribute("data-note-id"))!;
  const note = page.locator(`[data-note-id="${noteId}"]`);
  // From the card's menu: choosing does nothing until confirmed, then focus stays on the moved note.
  await note.locator(".note-menu-button").click();
  await note.locator(".confirmed-choice select").selectOption({ label });
  await expect(cluster.locator(`[data-note-id="${noteId}"]`)).toHaveCount(0);
  await note.locator(".confirmed-choice button[type=submit]").click();
  await expect(cluster.locator(`[data-note-id="${noteId}"]`)).toBeVisible();
  await expect(note.locator(".note-menu-button")).toBeFocused();

  // Back out of the cluster with the drag handle: Space, arrows, Space, as the instructions say.
  const handle = note.locator(".drag-handle");
  await handle.focus();
  await page.keyboard.press("Space");
  const said = page.getByTestId("dnd-announcer");
  await expect(said).toContainText("Picked up the note");
  for (let i = 0; i < 40 && !(await said.textContent())?.includes("not in a cluster"); i++)
    await page.keyboard.press("ArrowDown");
  await expect(said).toContainText("is over the notes not in a cluster");
  await page.keyboard.press("Space");
  await expect(said).toContainText("was taken out of its cluster");
  await expect(cluster.locator(`[data-note-id="${noteId}"]`)).toHaveCount(0);
  await expect(handle).toBeFocused();
  // Said politely, in words: the library's own (assertive) region stays silent, and no id is read out.
  await expect(said).toHaveAttribute("aria-live", "polite");
  await expect(page.locator("[id^='DndLiveRegion']")).toHaveText("");
  await expect(said).not.toContainText(noteId);
});
