import type { Page } from "@playwright/test";
import { expect, openRoundAfresh, test } from "./fixtures";

const PASSWORD = "plenary-demo-2026";
const SLUG = "migrant-women-local-decision-making";

async function signIn(page: Page, email: string, to: string) {
  await page.goto(`/login?redirectTo=${encodeURIComponent(to)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === to);
}

test("the facilitator opens a round: the participant's page moves to their room, and back on close", async ({
  freshPage,
}) => {
  test.setTimeout(60_000);
  const participant = await freshPage();
  const facilitator = await freshPage();
  await signIn(participant, "participant@plenary.demo", `/events/${SLUG}/live`);
  await expect(participant.getByRole("heading", { level: 1, name: "Plenary" })).toBeVisible();
  await expect(participant.getByText("Connected")).toBeVisible();

  await signIn(facilitator, "facilitator@plenary.demo", `/events/${SLUG}/breakouts`);
  await facilitator.getByRole("link", { name: "Challenges, barriers and opportunities" }).click();
  await openRoundAfresh(facilitator);

  // The participant is a woman from a migrant-led association: the seed placed her in a room, which her screen now shows.
  await expect(participant.getByTestId("live")).not.toHaveAttribute("data-room", "plenary");
  await expect(participant.getByTestId("room-name")).toBeFocused();
  await expect(participant.getByText("Guiding question")).toBeVisible();
  await expect(participant.getByTestId("countdown")).toHaveText(/^(59|60):\d\d$/);
  await expect(participant.getByTestId("presence")).toContainText("Leila Ben Salem");

  // A reload comes back to the same room and timer.
  const room = await participant.getByTestId("room-name").textContent();
  await participant.reload();
  await expect(participant.getByTestId("room-name")).toHaveText(room!);

  // A message reaches every room; a help request reaches the facilitator.
  await facilitator.getByLabel("Message to all rooms").fill("Ten minutes left, please choose your top three.");
  await facilitator.getByRole("button", { name: "Send" }).click();
  await expect(participant.getByTestId("round-messages")).toContainText("Ten minutes left");
  await participant.getByRole("button", { name: "Ask for help" }).click();
  await expect(participant.getByText("A facilitator has been told you need help.")).toBeVisible();
  await expect(facilitator.getByRole("alert").filter({ hasText: "Leila Ben Salem" })).toBeVisible();

  await facilitator.getByRole("button", { name: "Close the round" }).click();
  await expect(participant.getByRole("heading", { level: 1, name: "Plenary" })).toBeVisible();
  // Announced, not only shown: the notice appears inside a live region that was already there.
  await expect(
    participant.getByRole("status").filter({ hasText: "The round is closed: welcome back to the plenary." }),
  ).toBeVisible();
});

test("a facilitator moves a person between rooms with the keyboard alone", async ({ page }) => {
  await signIn(page, "facilitator@plenary.demo", `/events/${SLUG}/breakouts`);
  await page.getByRole("link", { name: "Challenges, barriers and opportunities" }).click();
  const [roomA, roomB] = [page.getByTestId("room-card").nth(0), page.getByTestId("room-card").nth(1)];
  const chip = roomA.locator(".person-chip").first();
  const name = (await chip.innerText()).replace("●", "").trim();
  await chip.focus();
  await page.keyboard.press("Space");
  const [from, to] = [await roomA.boundingBox(), await roomB.boundingBox()];
  // dnd-kit's keyboard sensor moves 25 px per arrow press.
  for (let i = 0; i < Math.ceil((to!.x - from!.x) / 25) + 2; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Space");
  await expect(roomB).toContainText(name);
  await expect(roomA).not.toContainText(name);
  await expect(roomB.locator("li").filter({ hasText: name })).toContainText("Locked");
  // Said in words (a person, a room), in a polite live region.
  await expect(page.getByTestId("dnd-announcer")).toContainText(`${name} was moved to`);
  await expect(page.getByTestId("dnd-announcer")).toHaveAttribute("aria-live", "polite");
});
