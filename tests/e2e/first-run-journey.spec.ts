import { type ChildProcess, spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { DateTime } from "luxon";
import { formatDueDate, formatLocalRange } from "../../app/utils/dates";
import { expect, test } from "./fixtures";

/**
 * The organiser's whole journey on a brand-new instance, as README's "Run it" tells it:
 * `PLENARY_SEED_DEMO=0 npm start` on an empty database, no SMTP, links read from the log.
 * First account → administrator → event with agenda → team → 30 registrations (some by
 * CSV for a past date) → round with questions and staff per room → notes → close.
 */

const root = path.resolve(import.meta.dirname, "../..");
const ZONE = "Europe/Brussels";
const TITLE = "Cities of Welcome: peer exchange on safe reporting";
let server: ChildProcess;
let base = "";
const log: string[] = [];

test.beforeAll(async () => {
  server = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? os.tmpdir(),
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: "0",
      DATABASE_URL: `file:${path.join(os.tmpdir(), `plenary-first-run-${process.pid}-${Date.now()}.db`)}`,
      // The app was built by the demo server Playwright started: only the steps a person takes from here.
      PLENARY_SKIP_BUILD: "1",
      PLENARY_SEED_DEMO: "0",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let rest = "";
  server.stdout!.on("data", (chunk: Buffer) => {
    rest += chunk.toString("utf8");
    for (let i = rest.indexOf("\n"); i >= 0; i = rest.indexOf("\n")) {
      log.push(rest.slice(0, i));
      rest = rest.slice(i + 1);
    }
  });
  const listening = await waitForLog((l) => l.msg === "Plenary is listening", 90_000);
  base = `http://127.0.0.1:${new URL(String(listening.url)).port}`;
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    await exited;
  }
});

type LogLine = Record<string, unknown> & { msg?: string; to?: string; links?: string[] };
const parsed = (line: string): LogLine | null => {
  try {
    return JSON.parse(line) as LogLine;
  } catch {
    return null;
  }
};

async function waitForLog(match: (l: LogLine) => boolean, timeout = 15_000, from = 0): Promise<LogLine> {
  const until = Date.now() + timeout;
  for (;;) {
    for (const line of log.slice(from)) {
      const l = parsed(line);
      if (l && match(l)) return l;
    }
    if (Date.now() > until) throw new Error(`no such log line within ${timeout} ms:\n${log.slice(-5).join("\n")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The link of the newest mail to `to` sent after the log's line `from`, as the server printed it (no SMTP). */
async function mailedLink(to: string, kind: RegExp, from: number) {
  const line = await waitForLog((l) => l.to === to && (l.links ?? []).some((x) => kind.test(x)), 15_000, from);
  return new URL(line.links!.find((x) => kind.test(x))!).pathname;
}

const at = (p: string) => `${base}${p}`;

async function signInByLink(page: Page, email: string) {
  await page.goto(at("/login"));
  await page.getByLabel("Email", { exact: true }).fill(email);
  const from = log.length;
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByTestId("link-sent")).toBeVisible();
  await page.goto(at(await mailedLink(email, /\/login\/link\//, from)));
  await expect(
    page.getByRole("link", { name: "Sign out" }).or(page.getByRole("button", { name: "Sign out" })),
  ).toBeVisible();
}

test("a new organiser runs a whole session from an empty install", async ({ page, freshPage }) => {
  test.setTimeout(300_000);
  const future = DateTime.now().setZone(ZONE).plus({ days: 30 }).toISODate()!;
  const past = DateTime.now().setZone(ZONE).minus({ days: 7 });

  // 1. The empty instance says how to begin; the first account becomes its administrator.
  await waitForLog((l) => /first run: no account yet/.test(String(l.msg)));
  await page.goto(at("/signup"));
  await page.getByLabel("Full name").fill("Nadia Okafor");
  await page.getByLabel("Email").fill("nadia@journey.test");
  await page.getByLabel("Password").fill("first administrator");
  let from = log.length;
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signup-sent")).toBeVisible();
  await page.goto(at(await mailedLink("nadia@journey.test", /\/signup\/confirm\//, from)));
  await expect(page.getByRole("heading", { level: 1, name: "My events" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Administration" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Dev mailbox" })).toBeVisible();

  // 2. Administration: the instance's name; only approved organisers create events (the default).
  await nav.getByRole("link", { name: "Administration" }).click();
  await page.getByLabel("Name of this instance").fill("Cities of Welcome dialogues");
  await expect(page.getByLabel(/Only organisers approved by an administrator/)).toBeChecked();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  await expect(page.locator(".brand")).toHaveText("Cities of Welcome dialogues");
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByTestId("users")).toContainText("Administrator");

  // 3. An event with its organising organisations.
  await page.goto(at("/my-events"));
  await page.getByRole("link", { name: "Create an event" }).click();
  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("In person").check();
  await page.getByLabel("Venue").fill("Tunis City Hall");
  await page.getByLabel("Timezone").fill(ZONE);
  await page.getByLabel("Starts", { exact: true }).fill(`${future}T14:00`);
  await page.getByLabel("Ends", { exact: true }).fill(`${future}T17:00`);
  await page.getByLabel("Organised by (organisations)").fill("Cities of Welcome Network\nUN Network on Migration");
  await page.getByRole("button", { name: "Create draft event" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  const manage = new URL(page.url()).pathname;
  const slug = manage.split("/")[2]!;

  // 4. The agenda, with dates as well as times.
  await page.getByRole("link", { name: "Agenda", exact: true }).click();
  const addItem = page.getByRole("form", { name: "Add an item" });
  const items: [string, string, string, string][] = [
    ["opening", "Welcome and purpose", "14:00", "14:20"],
    ["breakout", "Mapping barriers in three rooms", "14:20", "15:30"],
  ];
  for (const [n, [kind, title, s, e]] of items.entries()) {
    // The add form is drawn anew once the item is listed: fill it only then.
    await expect(page.getByTestId("agenda-when")).toHaveCount(n);
    await addItem.getByLabel("Kind").selectOption(kind);
    await addItem.getByLabel("Title").fill(title);
    await addItem.getByLabel("Starts").fill(`${future}T${s}`);
    await addItem.getByLabel("Ends").fill(`${future}T${e}`);
    await addItem.getByRole("button", { name: "Add to the agenda" }).click();
  }
  await expect(page.getByTestId("agenda-when")).toHaveText([
    formatLocalRange(`${future}T14:00`, `${future}T14:20`, "en"),
    formatLocalRange(`${future}T14:20`, `${future}T15:30`, "en"),
  ]);

  // 5. The registration form: built-in fields shown, a duplicate refused, a question edited, a long category kept whole.
  await page.getByRole("link", { name: "Registration form" }).click();
  await expect(page.getByTestId("built-in-fields")).toContainText("Gender (optional, self-described)");
  await expect(page.getByTestId("built-in-fields")).toContainText("Role or title");
  const addQuestion = page.getByRole("form", { name: "Add a question" });
  await addQuestion.getByLabel("Question", { exact: true }).fill("Gender");
  await addQuestion.getByRole("button", { name: "Add a question" }).click();
  await expect(
    page.getByText("Every registration form already asks “Gender (optional, self-described)”").first(),
  ).toBeVisible();
  await addQuestion.getByLabel("Question", { exact: true }).fill("Which theme matters most?");
  await addQuestion.getByRole("button", { name: "Add a question" }).click();
  await page.getByText("Edit", { exact: true }).first().click();
  await page
    .locator("details.edit-question[open]")
    .getByLabel("Question", { exact: true })
    .fill("Which theme matters most to you?");
  await page.getByRole("button", { name: "Save the question" }).click();
  await expect(page.getByText("Which theme matters most to you?", { exact: true })).toBeVisible();
  const longName = "Regional associations of municipalities and local and regional authorities";
  await page.getByLabel("Add a category").fill(longName);
  await page.getByRole("button", { name: "Add a category" }).click();
  const categoryInput = page.locator(".category-input").last();
  await expect(categoryInput).toHaveValue(longName);
  // Wide enough to read: the whole name fits without scrolling inside the box.
  expect(await categoryInput.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);

  // 6. Publishing asks first.
  await page.getByRole("link", { name: "Overview" }).click();
  await page.getByText("Publish…").click();
  await expect(page.getByText(/Publish this event\? Its page becomes public/)).toBeVisible();
  await page.getByRole("button", { name: "Yes, publish" }).click();
  await expect(page.locator(".eyebrow")).toContainText("Published");

  // 7. The team: three facilitators and two rapporteurs, invited by email; they accept through the link.
  await page.goto(at(`${manage}/team`));
  const team = [
    ["Lucía Fernández", "lucia@journey.test", "facilitator"],
    ["Omar Haddad", "omar@journey.test", "facilitator"],
    ["Mei Chen", "mei@journey.test", "facilitator"],
    ["Kwame Mensah", "kwame@journey.test", "rapporteur"],
    ["Sofia Marques", "sofia@journey.test", "rapporteur"],
  ] as const;
  const invitations = new Map<string, string>();
  for (const [name, email, role] of team) {
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Name (optional)").fill(name);
    await page.getByLabel("Role").selectOption(role);
    from = log.length;
    await page.getByRole("button", { name: "Send invitation" }).click();
    // The list shows the invitation once the page has reloaded its data (the form is new again then).
    await expect(page.getByTestId("invitations")).toContainText(email);
    invitations.set(email, await mailedLink(email, /\/invitations\//, from));
  }
  for (const [, email] of team) {
    const member = await freshPage();
    await member.goto(at(invitations.get(email)!));
    await member.getByRole("button", { name: "Accept the invitation" }).click();
    await expect(member.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    // No dev mailbox for anyone but the administrator.
    await expect(member.getByRole("link", { name: "Dev mailbox" })).toHaveCount(0);
    await member.context().close();
  }

  // 8. Registrations: four people register themselves while registration is open...
  const selfRegistered = ["amal", "joao", "leila", "ines"].map((n) => `${n}@journey.test`);
  for (const email of selfRegistered) {
    const p = await freshPage();
    await p.goto(at(`/events/${slug}`));
    const form = p.getByRole("form", { name: "Register" });
    await form.getByLabel("Full name").fill(email.split("@")[0]!.replace(/^./, (c) => c.toUpperCase()));
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Organisation", { exact: true }).fill("Association des Femmes Migrantes");
    await form.getByLabel("Kind of organisation").selectOption({ label: "Migrant-led or community organisation" });
    await form.getByLabel("City", { exact: true }).fill("Tunis");
    await form.getByLabel("Country").selectOption("TN");
    await form.getByLabel("Gender (optional, self-described)").fill("woman");
    await form.getByLabel(/I agree that the organisers process/).check();
    await form.getByRole("button", { name: "Register" }).click();
    await expect(p.getByText(/The outcome of your registration/)).toBeVisible();
    await p.context().close();
  }

  // ...then the session turns out to have been held last week: the organiser moves it, and the agenda follows.
  await page.goto(at(`${manage}/settings`));
  await page.getByLabel("Starts", { exact: true }).fill(`${past.toISODate()}T14:00`);
  await page.getByLabel("Ends", { exact: true }).fill(`${past.toISODate()}T17:00`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();
  await page.getByRole("link", { name: "Agenda", exact: true }).click();
  await expect(page.getByTestId("agenda-when")).toHaveText([
    formatLocalRange(`${past.toISODate()}T14:00`, `${past.toISODate()}T14:20`, "en"),
    formatLocalRange(`${past.toISODate()}T14:20`, `${past.toISODate()}T15:30`, "en"),
  ]);
  await expect(page.getByText("This item falls outside")).toHaveCount(0);

  // One person added by hand, present, though registration closed when the event ended.
  await page.getByRole("link", { name: "Add participants" }).click();
  await expect(page.getByText(/This event is over: record who took part/)).toBeVisible();
  const one = page.getByRole("form", { name: "Add participants" });
  await one.getByLabel("Full name").fill("Fatima Zahra");
  await one.getByLabel("Email", { exact: true }).fill("fatima@journey.test");
  await one.getByLabel("Organisation", { exact: true }).fill("City of Casablanca");
  await one.getByLabel("Kind of organisation").selectOption({ label: "Local or regional government" });
  await one.getByLabel("Country").selectOption("MA");
  await expect(one.getByLabel("Attended (checked in)")).toBeChecked();
  await one.getByLabel(/They agreed that the organisers record/).check();
  await one.getByRole("button", { name: "Add this person" }).click();
  await expect(page.getByTestId("recorded")).toContainText("Fatima Zahra is added as a confirmed participant.");

  // And the paper sign-in sheet, 25 people, by CSV.
  const categories = [
    "Local or regional government",
    "civil_society",
    "Academia / research",
    "international_org",
    "migrant_led",
  ];
  const rows = Array.from({ length: 25 }, (_, i) => {
    const n = i + 1;
    return [
      `Sheet Person ${n}`,
      `sheet${n}@journey.test`,
      `Organisation ${n % 7}`,
      categories[i % 5],
      "Tunisia",
      n % 5 ? "yes" : "no",
    ].join(",");
  });
  const importForm = page.getByRole("form", { name: "Add from a spreadsheet (CSV)" });
  await importForm.getByLabel("CSV file").setInputFiles({
    name: "sign-in-sheet.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(["name,email,organisation,category,country,attended", ...rows].join("\n")),
  });
  await importForm.getByLabel(/Everyone in this file agreed/).check();
  // A slow machine takes a few seconds for 25 people: wait for the answer itself.
  const [resp] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("add-participants")),
    importForm.getByRole("button", { name: "Add from the file" }).click(),
  ]);
  expect(resp.status()).toBe(200);
  await expect(page.getByTestId("record-report")).toContainText("25 participants added");

  await page.getByRole("link", { name: "Overview" }).click();
  const stat = (label: string) =>
    page
      .getByTestId("stats")
      .locator("div")
      .filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) })
      .locator("dd");
  await expect(stat("Confirmed")).toHaveText("30");
  // 20 present on the sheet, and the person added by hand.
  await expect(stat("Checked in")).toHaveText("21");

  // 9. A round of three rooms: three questions for every room, one facilitator and one rapporteur each where possible.
  await page.getByRole("link", { name: "Breakouts" }).click();
  await page.getByLabel("Title").fill("Mapping barriers");
  await page.getByLabel("Number of rooms").fill("3");
  await page
    .getByLabel("Guiding questions")
    .fill("What stops migrant women from reporting?\nWhat already works in your city?\nWhat would you change first?");
  await page.getByLabel("Every room (each room discusses all of them)").check();
  await page.getByRole("button", { name: "Create a round" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mapping barriers" })).toBeVisible();
  const round = new URL(page.url()).pathname;
  await expect(page.getByTestId("room-card").first().getByTestId("guiding-questions")).toContainText(
    "What would you change first?",
  );
  await page.locator("summary", { hasText: "Assign automatically" }).click();
  await expect(page.getByLabel("One facilitator and one rapporteur per room")).toBeChecked();
  await page.getByRole("button", { name: "Assign automatically" }).click();
  // Two rapporteurs for three rooms: the page says which room has none, and why.
  await expect(page.getByTestId("staff-gaps")).toContainText("has no rapporteur: the event has 2 for 3 rooms");
  const cards = page.getByTestId("room-card");
  for (let i = 0; i < 3; i++)
    await expect(cards.nth(i).locator(".members .badge", { hasText: /^Facilitator$/ })).toHaveCount(1);
  await expect(cards.locator(".members .badge", { hasText: /^Rapporteur$/ })).toHaveCount(2);
  await page.getByRole("button", { name: "Open the round" }).click();
  await expect(page.getByTestId("round-status")).toContainText("Running");

  // 10. Notes: a participant who never chose a password signs in by emailed link and posts on her room's board.
  const amal = await freshPage();
  await signInByLink(amal, "amal@journey.test");
  await expect(amal.getByRole("link", { name: "Dev mailbox" })).toHaveCount(0);
  await amal.goto(at(`/events/${slug}/live`));
  await expect(amal.getByTestId("room-name")).toBeVisible();
  // The room's page holds its board: no second place to go to.
  await expect(amal.getByTestId("connection")).toHaveText("Connected");
  const questions = amal.getByTestId("guiding-questions");
  await expect(questions.getByRole("listitem")).toHaveCount(3);
  await amal.getByLabel("New note in Barriers").fill("Police stations ask for papers before listening to us");
  await amal.getByLabel("New note in Barriers").press("Control+Enter");
  await expect(amal.getByTestId("note").filter({ hasText: "Police stations ask for papers" })).toBeVisible();
  const board = (await amal.getByTestId("present-link").getAttribute("href"))!.replace(/\/present$/, "");

  // A facilitator reopens her invitation: no password and "already used" no more; it offers a sign-in link.
  const lucia = await freshPage();
  await lucia.goto(at(invitations.get("lucia@journey.test")!));
  await expect(lucia.getByText("You have already accepted this invitation.")).toBeVisible();
  from = log.length;
  await lucia.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(lucia.getByTestId("link-sent")).toBeVisible();
  await lucia.goto(at(await mailedLink("lucia@journey.test", /\/login\/link\//, from)));
  await lucia.goto(at(board));
  await expect(lucia.getByTestId("connection")).toHaveText("Connected");
  await lucia.getByLabel("Cluster name").fill("Women");
  await lucia.getByLabel("Category", { exact: true }).selectOption("barriers");
  await lucia.getByRole("button", { name: "Create cluster" }).click();
  await expect(lucia.getByTestId("column-barriers").locator(".cluster", { hasText: "Women (0)" })).toBeVisible();

  // 11. Close the round, then the event (asking first); the report can be drafted.
  await page.goto(at(round));
  await page.getByRole("button", { name: "Close the round" }).click();
  await expect(page.getByTestId("round-status")).toContainText("Closed");
  await page.goto(at(manage));
  await page.getByText("Close the event…").click();
  await page.getByRole("button", { name: "Yes, close the event" }).click();
  await expect(page.getByTestId("report-prompt")).toBeVisible();

  // 12. An action item from the cluster: the menu names its category and room; the list shows owner and due date.
  await page.goto(at(`/events/${slug}/actions`));
  const fromCluster = page.getByLabel("From cluster");
  await expect(fromCluster.locator("option", { hasText: /^Women — Barriers, / })).toHaveCount(1);
  await fromCluster.selectOption({ index: 1 });
  await page.getByLabel("What", { exact: true }).fill("Train front-desk staff to take reports without papers");
  await page.getByLabel("Owner (organisation or person)").fill("City of Tunis");
  await page.getByLabel("Due date (event's timezone)").fill("2031-03-31");
  await page.getByRole("button", { name: "Create action item" }).click();
  await expect(page.getByTestId("action-meta")).toHaveText(
    `Owner: City of Tunis · Due ${formatDueDate("2031-03-31", "en")}`,
  );

  // The public page names the organising organisations.
  await page.goto(at(`/events/${slug}`));
  await expect(page.getByText("Cities of Welcome Network, UN Network on Migration")).toBeVisible();
});
