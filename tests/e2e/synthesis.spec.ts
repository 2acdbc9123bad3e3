import type { Page } from "@playwright/test";
import { DateTime } from "luxon";
import { expect, test } from "./fixtures";

const PASSWORD = "plenary-demo-2026";
const stamp = Date.now().toString(36);
const TITLE = `Cross-city dialogue on participation ${stamp}`;

const NOTES: Record<string, string[]> = {
  "Room A": ["No childcare during the evening consultations", "Leaflets only in the national language"],
  "Room B": ["Childcare costs are not covered for mothers who attend", "Interpreters are missing at meetings"],
  "Room C": ["Mothers cannot attend without childcare", "No interpreters for women who speak little of the language"],
};

async function post(page: Page, text: string) {
  const box = page.getByLabel("New note in Barriers");
  await box.fill(text);
  await box.press("Control+Enter");
  await expect(page.getByTestId("column-barriers").getByTestId("note").filter({ hasText: text })).toBeVisible();
}

test("an event created in the UI reaches its synthesis board with notes from three rooms, and suggestions are accepted there", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto("/login");
  await page.getByLabel("Email").fill("organiser@plenary.demo");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My events" })).toBeVisible();

  // A new event, not the demo seed.
  await page.getByRole("link", { name: "Create an event" }).click();
  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("Description").fill("Three rooms, one synthesis.");
  await page.getByLabel("Timezone").fill("Europe/Madrid");
  const day = DateTime.now().setZone("Europe/Madrid").plus({ months: 3 });
  await page.getByLabel("Starts", { exact: true }).fill(`${day.toISODate()}T10:00`);
  await page.getByLabel("Ends", { exact: true }).fill(`${day.toISODate()}T12:00`);
  await page.getByRole("button", { name: "Create draft event" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  // Publishing asks first.
  await page.getByText("Publish…").click();
  await page.getByRole("button", { name: "Yes, publish" }).click();
  await expect(page.locator(".eyebrow")).toContainText("Published");

  // Its first breakout round brings the synthesis board with it.
  await page.goto(`/events/${slug}/breakouts`);
  await expect(page.getByTestId("synthesis-link")).toHaveCount(0);
  await page.getByLabel("Title").fill("Barriers to taking part");
  await page.getByLabel("Number of rooms").fill("3");
  await page.getByRole("button", { name: "Create a round" }).click();
  await expect(page.getByTestId("round-status")).toBeVisible();
  await expect(page.getByTestId("synthesis-link")).toBeVisible();

  // Notes in each of the three rooms.
  for (const [room, texts] of Object.entries(NOTES)) {
    await page.goto(`/events/${slug}`);
    await page.getByTestId("boards").getByRole("link", { name: room, exact: true }).click();
    await expect(page.getByTestId("connection")).toHaveText("Connected");
    for (const text of texts) await post(page, text);
  }

  // The facilitator's view leads to the synthesis board, which gathers every room's barriers.
  await page.goto(`/events/${slug}/breakouts`);
  await page.getByTestId("synthesis-link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Plenary synthesis" })).toBeVisible();
  await expect(page.getByTestId("connection")).toHaveText("Connected");
  await page.getByLabel("Gather every room's notes of").selectOption("barriers");
  await page.getByRole("button", { name: "Gather from the rooms" }).click();
  const column = page.getByTestId("column-barriers");
  await expect(column.getByTestId("note")).toHaveCount(6);
  for (const room of Object.keys(NOTES))
    await expect(column.getByTestId("note").filter({ hasText: `· ${room}` })).toHaveCount(2);

  // Kept gathering: a note posted in a room afterwards reaches the synthesis board by itself.
  // The box shows the board's state, so it is ticked once the server has applied the change.
  await page.getByLabel("Keep gathering as rooms post").click();
  await expect(page.getByLabel("Keep gathering as rooms post")).toBeChecked();
  await expect(page.getByTestId("gathering")).toContainText("Barriers");

  const panel = page.getByTestId("suggestions");
  await panel.getByLabel("Category to cluster").selectOption("barriers");
  await panel.getByRole("button", { name: "Suggest clusters" }).click();
  await expect(panel.getByTestId("suggest-engine")).toContainText("built-in engine");
  await expect(panel.getByTestId("suggest-better")).toContainText("npm run models:fetch");
  // The suggested groups are drawn on the board, in their column, around the notes they would hold.
  const first = column.getByTestId("suggestion").first();
  await expect(first).toBeVisible();
  const label = await first.getByLabel("Name for this cluster").inputValue();
  expect(label.split(" ").length).toBeGreaterThanOrEqual(2);
  const members = await first.getByTestId("note").count();
  await first.getByRole("button", { name: "Accept" }).click();
  await expect(column.getByRole("heading", { name: `${label} (${members})` })).toBeVisible();
  await expect(panel.getByTestId("suggestion-accepted")).toContainText("Accepted as");

  // A room posts again; the synthesis board shows the note with its room, without a reload.
  const late = "Childcare is the first thing mothers ask about";
  const room = await page.context().newPage();
  await room.goto(`/events/${slug}`);
  await room.getByTestId("boards").getByRole("link", { name: "Room B", exact: true }).click();
  await expect(room.getByTestId("connection")).toHaveText("Connected");
  await post(room, late);
  await room.close();
  await expect(column.getByTestId("note").filter({ hasText: late })).toContainText("Room B", { timeout: 15_000 });
});
