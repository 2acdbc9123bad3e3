import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const PASSWORD = "plenary-demo-2026";
const SLUG = "migrant-women-local-decision-making";

async function openRoomCBoard(page: Page, email: string) {
  await page.goto(`/login?redirectTo=/events/${SLUG}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page
    .getByTestId("boards")
    .getByRole("link", { name: /^Room C/ })
    .click();
  await expect(page.getByTestId("connection")).toHaveText("Connected");
}

test("notes appear live in another browser, and a note posted offline arrives when the connection returns", async ({
  freshPage,
}) => {
  test.setTimeout(60_000);
  const leila = await freshPage();
  const lucia = await freshPage();
  await openRoomCBoard(leila, "participant@plenary.demo");
  await openRoomCBoard(lucia, "facilitator@plenary.demo");
  // Under the Chatham House rule the other browser sees a stakeholder category, never a name.
  await expect(leila.getByText("Chatham House rule: notes show the author's stakeholder category")).toBeVisible();

  await leila.getByLabel("New note in Barriers").fill("Consultations happen when the children come home from school");
  await leila.getByLabel("New note in Barriers").press("Control+Enter");
  const note = lucia
    .getByTestId("column-barriers")
    .getByTestId("note")
    .filter({ hasText: "children come home from school" });
  await expect(note).toBeVisible();
  await expect(note).toContainText("Migrant-led or community organisation");
  await expect(note).not.toContainText("Leila");

  // Offline: the note waits, marked as sending, and survives until the connection returns.
  await leila.context().setOffline(true);
  await leila.evaluate(() =>
    (window as unknown as { __plenarySocket: { io: { engine: { close(): void } } } }).__plenarySocket.io.engine.close(),
  );
  await expect(leila.getByTestId("connection")).not.toHaveText("Connected");
  await leila.getByLabel("New note in Opportunities").fill("Women-only circles with trusted facilitators");
  await leila.getByRole("button", { name: "Add" }).nth(2).click();
  await expect(leila.getByTestId("pending")).toHaveText("1 changes waiting to be sent");
  await expect(lucia.getByText("Women-only circles with trusted facilitators")).toHaveCount(0);
  await leila.context().setOffline(false);
  await expect(
    lucia.getByTestId("column-opportunities").getByText("Women-only circles with trusted facilitators"),
  ).toBeVisible({ timeout: 20_000 });
  await expect(leila.getByTestId("pending")).toHaveCount(0);
});

test("a facilitator groups a note into a cluster from its menu, and everyone sees it", async ({ freshPage }) => {
  const lucia = await freshPage();
  const leila = await freshPage();
  await openRoomCBoard(lucia, "facilitator@plenary.demo");
  await openRoomCBoard(leila, "participant@plenary.demo");
  await lucia.getByLabel("Cluster name").fill("Time and care duties");
  await lucia.getByLabel("Category", { exact: true }).selectOption("challenges");
  await lucia.getByRole("button", { name: "Create cluster" }).click();
  const target = lucia
    .getByTestId("column-challenges")
    .getByTestId("note")
    .filter({ hasText: "Consultations happen in the evening" });
  await target.getByRole("button", { name: /^Actions for the note/ }).click();
  await target.getByRole("combobox", { name: /Cluster for this note/ }).selectOption({ label: "Time and care duties" });
  await target.getByRole("button", { name: /^Move/ }).click();
  const cluster = leila
    .getByTestId("column-challenges")
    .locator(".cluster")
    .filter({ hasText: "Time and care duties" });
  await expect(cluster).toContainText("Consultations happen in the evening");

  // Filters: one category, then one kind of author, then a search.
  await leila.getByLabel("Show category").selectOption("challenges");
  await expect(leila.getByTestId("column-barriers")).toHaveCount(0);
  await leila.getByLabel("Search notes").fill("evening");
  await expect(leila.getByTestId("note")).toHaveCount(1);
});

test("a facilitator asks for suggested clusters on the synthesis board and accepts one with one click", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto(`/login?redirectTo=/events/${SLUG}`);
  await page.getByLabel("Email").fill("facilitator@plenary.demo");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page
    .getByTestId("boards")
    .getByRole("link", { name: /^Plenary synthesis/ })
    .click();
  await expect(page.getByTestId("connection")).toHaveText("Connected");
  await page.getByLabel("Gather every room's notes of").selectOption("barriers");
  await page.getByRole("button", { name: "Gather from the rooms" }).click();
  await expect(page.getByTestId("column-barriers").getByTestId("note").first()).toBeVisible();

  const panel = page.getByTestId("suggestions");
  await panel.getByLabel("Category to cluster").selectOption("barriers");
  await panel.getByRole("button", { name: "Suggest clusters" }).click();
  await expect(panel.getByTestId("suggest-engine")).toContainText("built-in engine");
  const column = page.getByTestId("column-barriers");
  const first = column.getByTestId("suggestion").first();
  await expect(first).toBeVisible();
  const label = "Suggested: " + (await first.getByLabel("Name for this cluster").inputValue());
  await first.getByLabel("Name for this cluster").fill(label.slice(0, 120));
  const members = await first.getByTestId("note").count();
  await first.getByRole("button", { name: "Accept" }).click();

  await expect(column.getByRole("heading", { name: `${label.slice(0, 120)} (${members})` })).toBeVisible();
  await expect(panel.getByTestId("suggestion-accepted")).toContainText("Accepted as");
});
