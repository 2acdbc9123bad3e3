import { expect, test } from "./fixtures";

const PASSWORD = "plenary-demo-2026";

test.describe("the demo dialogue", () => {
  test.use({ timezoneId: "America/Sao_Paulo", locale: "en-GB" });

  test("the demo organiser signs in and sees the demo event with its agenda in both timezones", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("Email").fill("organiser@plenary.demo");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "My events" })).toBeVisible();
    await expect(page.getByText("Signed in as Amina Haddad")).toBeVisible();
    const card = page.getByRole("listitem").filter({ hasText: "Cities of Welcome" });
    await expect(card.getByText("Organiser")).toBeVisible();
    await card.getByRole("link", { name: /Cities of Welcome/ }).click();

    await expect(page.getByRole("heading", { level: 1, name: /Cities of Welcome/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Agenda" })).toBeVisible();
    // Brussels 13:00 is 09:00 in São Paulo in November.
    await expect(page.getByRole("columnheader", { name: /Event time/ })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: /Your time \(GMT-3\)/ })).toBeVisible();
    await expect(page.getByTestId("agenda-event-time").first()).toHaveText("13:00–13:15");
    await expect(page.getByTestId("agenda-viewer-time").first()).toHaveText("09:00–09:15");
    await expect(page.getByText("Lucía Fernández")).toBeVisible();
    await expect(page.getByRole("link", { name: "Meeting link" })).toBeVisible();
  });

  test("an announcement reaches a participant's open page live, without reload", async ({ freshPage }) => {
    const signIn = async (email: string) => {
      const page = await freshPage();
      await page.goto("/login?redirectTo=/events/migrant-women-local-decision-making");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("heading", { level: 1, name: /Cities of Welcome/ })).toBeVisible();
      return page;
    };
    const participant = await signIn("participant@plenary.demo");
    const facilitator = await signIn("facilitator@plenary.demo");
    // The page says when its socket follows the event; only then can it hear announcements.
    await expect(participant.getByTestId("announcements")).toHaveAttribute("data-following", "yes");

    await facilitator.getByLabel("Message to everyone following this event").fill("Breakout rooms open in 2 minutes");
    await facilitator.getByRole("button", { name: "Send" }).click();
    await expect(facilitator.getByRole("status").filter({ hasText: "Announcement sent." })).toBeVisible();
    await expect(participant.getByTestId("announcements")).toContainText("Breakout rooms open in 2 minutes");
  });

  test("a sign-in with a wrong password says so and keeps the email", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("organiser@plenary.demo");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");
    await expect(page.getByLabel("Email")).toHaveValue("organiser@plenary.demo");
  });

  test("unknown pages get the 404 page", async ({ page }) => {
    const res = await page.goto("/this/does/not/exist");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});
