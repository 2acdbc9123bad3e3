import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantPlatformRole } from "../../server/core/platform/operator";
import { DEMO_PASSWORD, seedDemo } from "../../server/seed/demo";
import { Browser, startTestServer, type TestServer } from "../support/server";

const SLUG = "migrant-women-local-decision-making";

/**
 * The doors this issue added, attacked the way the next outside probe will: anonymous, a
 * stranger, and the organiser of another event using this event's ids; the spreadsheet door
 * with multipart bodies the access matrix cannot send.
 */
describe("the organiser's new doors", () => {
  let t: TestServer;
  const as: Record<string, Browser> = {};
  let questionId = "";
  let roundId = "";

  const csvPost = (b: Browser, path: string, csv: string, fields: Record<string, string> = {}) => {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    body.set("file", new Blob([csv], { type: "text/csv" }), "sheet.csv");
    return b.request(path, { method: "POST", body, headers: { origin: t.url } });
  };

  beforeAll(async () => {
    t = await startTestServer("sqlite");
    const { core } = t.server;
    await seedDemo(t.server.db);
    // The organiser of another event, approved to create it.
    const other = await core.auth.createAccount({
      name: "Other Organiser",
      email: "other.organiser@example.org",
      password: "other organiser password",
    });
    await grantPlatformRole(t.server.db, { userId: other.user.id }, "organiser");
    await core.manage.create(
      { userId: other.user.id, sessionId: other.session.id },
      {
        title: "Another dialogue",
        format: "online",
        timezone: "UTC",
        startsAt: "2031-01-10T10:00",
        endsAt: "2031-01-10T12:00",
        languages: ["en"],
      },
    );
    await core.auth.createAccount({ name: "Stranger", email: "stranger@example.org", password: "stranger password" });
    const organiser = await t.server.db.user.findUniqueOrThrow({ where: { email: "organiser@plenary.demo" } });
    const event = await t.server.db.event.findUniqueOrThrow({ where: { slug: SLUG } });
    questionId = (
      await core.manage.addQuestion({ userId: organiser.id, sessionId: "s" }, event.id, {
        kind: "short_text",
        label: "Which theme?",
      })
    ).id;
    roundId = (await t.server.db.breakoutRound.findFirstOrThrow({ where: { eventId: event.id } })).id;

    as.anonymous = new Browser(t.url);
    for (const [who, email, password] of [
      ["stranger", "stranger@example.org", "stranger password"],
      ["otherOrganiser", "other.organiser@example.org", "other organiser password"],
      ["organiser", "organiser@plenary.demo", DEMO_PASSWORD],
      ["secretariat", "secretariat@plenary.demo", DEMO_PASSWORD],
    ] as const) {
      as[who] = new Browser(t.url);
      await as[who].signIn(email, password);
    }
  }, 60_000);
  afterAll(() => t.close());

  const refused = (res: Response) =>
    [401, 403, 404].includes(res.status) || (res.headers.get("location") ?? "").startsWith("/login");

  it("imports a spreadsheet for the organiser and the secretariat, and for nobody else", async () => {
    const path = `/events/${SLUG}/manage/add-participants`;
    const sheet = "email,organisation,category,country,attended\nsheet1@example.org,IOM,international_org,Jordan,yes\n";
    for (const who of ["anonymous", "stranger", "otherOrganiser"]) {
      const res = await csvPost(as[who]!, path, sheet, { consentData: "on" });
      expect(refused(res), `${who}: ${res.status}`).toBe(true);
    }
    expect(await t.server.db.user.count({ where: { email: "sheet1@example.org" } })).toBe(0);

    const ok = await csvPost(as.organiser!, path, sheet, { consentData: "on" });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("1 participants added");
    const again = await csvPost(
      as.secretariat!,
      path,
      "email,organisation,category\nsheet2@example.org,UNHCR,international_org\n",
      { consentData: "on" },
    );
    expect(await again.text()).toContain("1 participants added");
  });

  it("keeps another event's organiser out of this event's form, rounds and status, whatever the ids", async () => {
    const attempts: [string, Record<string, string>][] = [
      [
        `/events/${SLUG}/manage/form`,
        { intent: "update-question", id: questionId, kind: "short_text", label: "Hijack" },
      ],
      [`/events/${SLUG}/manage/form`, { intent: "remove-question", id: questionId, confirmed: "yes" }],
      [`/events/${SLUG}/breakouts/${roundId}`, { intent: "questions", questions: "Hijacked question" }],
      [`/events/${SLUG}/manage?index`, { status: "cancelled", confirmed: "yes" }],
      [
        `/events/${SLUG}/manage/add-participants`,
        { name: "X", email: "x@example.org", organisation: "X", categoryKey: "other", consentData: "on" },
      ],
    ];
    // Their own event's path with this event's ids: nothing of this event changes either.
    const theirs = (await t.server.db.event.findUniqueOrThrow({ where: { slug: "another-dialogue" } })).slug;
    attempts.push([
      `/events/${theirs}/manage/form`,
      { intent: "update-question", id: questionId, kind: "short_text", label: "Hijack" },
    ]);
    attempts.push([`/events/${theirs}/breakouts/${roundId}`, { intent: "questions", questions: "Hijacked question" }]);
    for (const [path, form] of attempts) {
      for (const who of ["anonymous", "stranger", "otherOrganiser"]) {
        const res = await as[who]!.request(path, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", origin: t.url },
          body: new URLSearchParams(form).toString(),
        });
        expect(refused(res), `${who} ${path} ${form.intent ?? form.status ?? ""}: ${res.status}`).toBe(true);
      }
    }
    const { db } = t.server;
    expect((await db.registrationQuestion.findUniqueOrThrow({ where: { id: questionId } })).label).toBe("Which theme?");
    expect((await db.breakoutRound.findUniqueOrThrow({ where: { id: roundId } })).questionsJson).not.toContain(
      "Hijacked",
    );
    expect((await db.event.findUniqueOrThrow({ where: { slug: SLUG } })).status).toBe("published");
  });

  it("does nothing destructive or public without the confirmation", async () => {
    const post = (path: string, form: Record<string, string>) =>
      as.organiser!.request(path, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: t.url },
        body: new URLSearchParams(form).toString(),
      });
    expect((await post(`/events/${SLUG}/manage?index`, { status: "cancelled" })).status).toBe(400);
    expect((await post(`/events/${SLUG}/manage/form`, { intent: "remove-question", id: questionId })).status).toBe(400);
    const { db } = t.server;
    expect((await db.event.findUniqueOrThrow({ where: { slug: SLUG } })).status).toBe("published");
    expect(await db.registrationQuestion.count({ where: { id: questionId } })).toBe(1);
  });
  // Last: the server answers 413 before reading the rest of the body, which leaves that connection unusable.
  it("refuses a spreadsheet that is too large or not one, with a clear answer", async () => {
    const path = `/events/${SLUG}/manage/add-participants`;
    const huge = `email,organisation,category\n${"x@example.org,IOM,other\n".repeat(60_000)}`;
    expect((await csvPost(as.organiser!, path, huge, { consentData: "on" })).status).toBe(413);
    const body = new FormData();
    body.set("consentData", "on");
    body.set("file", new Blob(["%PDF-1.4"], { type: "application/pdf" }), "sheet.pdf");
    expect((await as.organiser!.request(path, { method: "POST", body, headers: { origin: t.url } })).status).toBe(415);
    const noConsent = await csvPost(as.organiser!, path, "email,organisation,category\nz@example.org,IOM,other\n");
    expect(noConsent.status).toBe(400);
    expect(await noConsent.text()).toContain("agreed to their data being recorded");
  });
});
