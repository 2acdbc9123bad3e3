import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readFile } from "node:fs/promises";
import { DateTime } from "luxon";

const PASSWORD = "plenary-demo-2026";
const stamp = Date.now().toString(36);
const TITLE = `Peer exchange on safe reporting ${stamp}`;

async function signIn(page: Page, email: string): Promise<Page> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My events" })).toBeVisible();
  return page;
}

async function register(
  page: Page,
  slugUrl: string,
  who: { name: string; email: string },
  answer: string | null = "Access to justice",
) {
  await page.goto(slugUrl);
  const form = page.getByRole("form", { name: "Register" });
  await form.getByLabel("Full name").fill(who.name);
  await form.getByLabel("Email").fill(who.email);
  await form.getByLabel("Organisation", { exact: true }).fill("Association des Femmes Migrantes");
  await form.getByLabel("Kind of organisation").selectOption({ label: "Migrant-led or community organisation" });
  await form.getByLabel("City", { exact: true }).fill("Tunis");
  await form.getByLabel("Country").selectOption("TN");
  if (answer) await form.getByLabel("Which theme matters most to you?").fill(answer);
  await form.getByLabel(/I agree that the organisers process/).check();
  await form.getByRole("button", { name: "Register" }).click();
  return page;
}

/** The path of the "view, change or cancel" link in a registration email. */
const manageLink = (text: string) => new URL(text.match(/https?:\/\/\S+\/registrations\/\S+/)![0]).pathname;

/** Opens the newest dev-mailbox mail to `to` with a subject starting with `subject`. */
async function openMail(page: Page, to: string, subject: string) {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(to)}`);
  await page
    .getByRole("link", { name: new RegExp(`^${subject}`) })
    .first()
    .click();
  return page.getByTestId("mail-body");
}

test("an organiser sets up an event, people register, the waitlist moves when someone cancels", async ({
  page,
  freshPage,
}) => {
  test.setTimeout(90_000);
  const organiser = await signIn(page, "organiser@plenary.demo");

  // Create the event with a capacity of one, then add a custom question and publish.
  await organiser.getByRole("link", { name: "Create an event" }).click();
  await organiser.getByLabel("Title").fill(TITLE);
  await organiser.getByLabel("Description").fill("A short **peer exchange** between cities.");
  await organiser.getByLabel("Timezone").fill("America/Sao_Paulo");
  // Three months ahead, whatever day the suite runs, so registration is open.
  const day = DateTime.now().setZone("America/Sao_Paulo").plus({ months: 3 }).setLocale("en-US");
  await organiser.getByLabel("Starts", { exact: true }).fill(`${day.toISODate()}T10:00`);
  await organiser.getByLabel("Ends", { exact: true }).fill(`${day.toISODate()}T12:00`);
  await organiser.getByLabel("Capacity").fill("1");
  await organiser.getByRole("button", { name: "Create draft event" }).click();
  await expect(organiser.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  const manageUrl = organiser.url();
  const publicUrl = manageUrl.replace(/\/manage$/, "");

  await organiser.getByRole("link", { name: "Registration form" }).click();
  await organiser.getByLabel("Question", { exact: true }).fill("Which theme matters most to you?");
  await organiser.getByLabel("Required").check();
  await organiser.getByRole("button", { name: "Add a question" }).click();
  await expect(organiser.getByText("Which theme matters most to you?", { exact: true })).toBeVisible();
  await organiser.getByRole("link", { name: "Overview" }).click();
  // Publishing asks first.
  await organiser.getByText("Publish…").click();
  await organiser.getByRole("button", { name: "Yes, publish" }).click();
  await expect(organiser.getByText("Status: Published")).toBeVisible();
  // Mail is read in the dev mailbox, which only the platform administrator opens.
  const mailbox = await signIn(await freshPage(), "admin@plenary.demo");

  // A first participant registers from the public page, without an account.
  const ana = { name: "Ana Beatriz Souza", email: `ana.${stamp}@example.org` };
  const anaPage = await register(await freshPage(), publicUrl, ana);
  // The page says the same to everyone (it cannot tell who has an account); the email says what happened.
  await expect(anaPage.getByRole("status")).toContainText(`is on its way to ${ana.email}`);

  // Her confirmation reached the dev mailbox with a calendar file in the event's timezone.
  const body = await openMail(mailbox, ana.email, "You are registered");
  await expect(body).toContainText(`${day.toFormat("cccc, LLLL d, yyyy")}, 10:00–12:00 (America/Sao_Paulo`);
  const anaLink = manageLink(await body.innerText());
  const download = mailbox.waitForEvent("download");
  await mailbox.getByRole("link", { name: /\.ics$/ }).click();
  const ics = await readFile((await (await download).path())!, "utf8");
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toContain(`DTSTART;TZID=America/Sao_Paulo:${day.toFormat("yyyyLLdd")}T100000`);
  expect(ics).toContain(`SUMMARY:${TITLE}`);

  // The organiser sees her in the dashboard and exports a CSV that contains her.
  await organiser.goto(`${manageUrl}/participants`);
  await expect(organiser.getByTestId("participants")).toContainText(ana.email);
  const csvDownload = organiser.waitForEvent("download");
  await organiser.getByRole("link", { name: "Export CSV" }).click();
  const csv = await readFile((await (await csvDownload).path())!, "utf8");
  expect(csv).toContain(ana.email);
  expect(csv).toContain("Which theme matters most to you?");
  expect(csv).toContain("Access to justice");

  // A second registration is beyond capacity: waitlisted, with her position.
  const omar = { name: "Omar Haddad", email: `omar.${stamp}@example.org` };
  const omarPage = await register(await freshPage(), publicUrl, omar);
  await expect(omarPage.getByRole("status")).toContainText(`is on its way to ${omar.email}`);
  const omarMail = await openMail(mailbox, omar.email, "You are on the waitlist");
  await expect(omarMail).toContainText("in position 1");
  await omarPage.goto(manageLink(await omarMail.innerText()));
  await expect(omarPage.getByRole("status")).toHaveText("You are on the waitlist, in position 1.");

  // Ana cancels from her registration page (the link in her email); Omar is promoted and told by email.
  await anaPage.goto(anaLink);
  await anaPage.getByRole("button", { name: "Yes, cancel my registration" }).click();
  await expect(anaPage.getByRole("status")).toContainText("You cancelled your registration.");
  await omarPage.reload();
  await expect(omarPage.getByRole("status")).toHaveText("You are registered.");
  await expect(await openMail(mailbox, omar.email, "A place opened for you")).toContainText("it is yours");
  await organiser.goto(`${manageUrl}/participants?status=confirmed`);
  await expect(organiser.getByTestId("participants")).toContainText(omar.email);
  await expect(organiser.getByTestId("participants")).not.toContainText(ana.email);
});

test("the organiser's figures update live when someone registers", async ({ page, freshPage }) => {
  await signIn(page, "organiser@plenary.demo");
  await page.goto("/events/migrant-women-local-decision-making/manage");
  const registered = page.getByTestId("stats").locator("div").filter({ hasText: "Registered" }).locator("dd");
  const before = Number(await registered.innerText());
  const visitor = await register(
    await freshPage(),
    "/events/migrant-women-local-decision-making",
    { name: "Rim Nasser", email: `rim.${stamp}@example.org` },
    null,
  );
  await expect(visitor.getByRole("status")).toContainText(`is on its way to rim.${stamp}@example.org`);
  await expect(registered).toHaveText(String(before + 1));
});
