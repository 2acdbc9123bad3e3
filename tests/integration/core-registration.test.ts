import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/databases";
import { testCore } from "../support/core";
import { BASE, person, publishedEvent } from "../support/events";

describe.each(ENGINES)("registration rules on %s", (engine) => {
  let t: Awaited<ReturnType<typeof testCore>>;
  beforeAll(async () => {
    t = await testCore(engine);
  });
  afterAll(() => t.close());

  it("registers a visitor, creates their account and emails a confirmation with an .ics in the event's timezone", async () => {
    const { event } = await publishedEvent(t);
    const p = person({ name: "Leila Ben Salem" });
    const r = await t.core.registrations.register(null, event.id, p, BASE);
    expect(r).toMatchObject({ status: "confirmed", newAccount: true, position: null });
    const mail = t.mailer.sent.at(-1)!;
    expect(mail.to).toBe(p.email);
    expect(mail.subject).toBe("You are registered: Local dialogue on inclusion");
    expect(mail.text).toContain("/registrations/");
    expect(mail.text).toContain("/login/link/");
    const ics = mail.attachments![0]!;
    expect(ics.contentType).toMatch(/^text\/calendar/);
    expect(ics.content).toContain("DTSTART;TZID=Europe/Brussels:20261210T140000");
    expect(ics.content).toContain("BEGIN:VTIMEZONE");
    expect((await t.core.registrations.getByToken(r.manageToken)).user.name).toBe("Leila Ben Salem");
  });

  it.each([
    ["fr", "Vous êtes inscrit·e : Local dialogue on inclusion", "Bonjour Amal,"],
    ["es", "Está inscrito/a: Local dialogue on inclusion", "Hola, Amal:"],
    ["ar", "تم تسجيلك: Local dialogue on inclusion", "مرحبًا Amal،"],
  ])("writes to people in their preferred language (%s)", async (lang, subject, greeting) => {
    const { event } = await publishedEvent(t);
    await t.core.registrations.register(null, event.id, person({ name: "Amal", preferredLanguage: lang }), BASE);
    const mail = t.mailer.sent.at(-1)!;
    expect(mail.subject).toBe(subject);
    expect(mail.text.startsWith(greeting)).toBe(true);
    expect(mail.attachments).toHaveLength(1);
  });

  it("answers a second anonymous registration with the same email like the first, keeps one row and emails the owner again", async () => {
    const { event } = await publishedEvent(t, { capacity: "1" });
    const first = person();
    await t.core.registrations.register(null, event.id, person(), BASE); // takes the only seat
    const r = await t.core.registrations.register(null, event.id, first, BASE);
    expect(r.status).toBe("waitlisted");
    const before = t.mailer.sent.length;
    const again = await t.core.registrations.register(
      null,
      event.id,
      { ...first, email: first.email.toUpperCase(), organisation: "Someone else" },
      BASE,
    );
    expect(again).toMatchObject({ id: r.id, status: "waitlisted", position: 1 });
    expect(t.mailer.sent.length).toBe(before + 1);
    expect(t.mailer.sent.at(-1)).toMatchObject({ to: first.email, subject: expect.stringMatching(/waitlist/) });
    expect(await t.db.registration.count({ where: { eventId: event.id } })).toBe(2);
    // The form's other fields do not overwrite the registration.
    expect((await t.db.registration.findUniqueOrThrow({ where: { id: r.id } })).organisation).toBe(first.organisation);
  });

  it("refuses a signed-in person's second registration with a clear message", async () => {
    const { event } = await publishedEvent(t);
    const { user, session } = await t.core.auth.createAccount({
      name: "Ines",
      email: `ines-${Date.now()}@example.org`,
      password: "a long password",
    });
    const actor = { userId: user.id, sessionId: session.id };
    await t.core.registrations.register(actor, event.id, person(), BASE);
    await expect(t.core.registrations.register(actor, event.id, person(), BASE)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/already registered/),
    });
    expect(await t.db.registration.count({ where: { eventId: event.id } })).toBe(1);
  });

  it("waitlists beyond capacity, tells people their position, and promotes the first one when someone cancels", async () => {
    const { event } = await publishedEvent(t, { capacity: "2" });
    const [a, b, c, d] = [person(), person(), person(), person()];
    const ra = await t.core.registrations.register(null, event.id, a, BASE);
    await t.core.registrations.register(null, event.id, b, BASE);
    t.clock.advance(1000);
    const rc = await t.core.registrations.register(null, event.id, c, BASE);
    t.clock.advance(1000);
    const rd = await t.core.registrations.register(null, event.id, d, BASE);
    expect([rc.status, rc.position, rd.status, rd.position]).toEqual(["waitlisted", 1, "waitlisted", 2]);
    expect(t.mailer.sent.at(-1)!.text).toContain("in position 2");

    await t.core.registrations.cancelByToken(ra.manageToken, BASE);
    expect((await t.core.registrations.getByToken(rc.manageToken)).status).toBe("confirmed");
    const promoted = t.mailer.sent.find((m) => m.to === c.email && m.subject.startsWith("A place opened"));
    expect(promoted?.attachments?.[0]?.filename).toMatch(/\.ics$/);
    expect(await t.core.registrations.getByToken(rd.manageToken)).toMatchObject({ status: "waitlisted", position: 1 });
    expect((await t.db.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(2);
  });

  it("removes a cancelled participant from the event's live channels and rooms at once", async () => {
    const { event } = await publishedEvent(t);
    const r = await t.core.registrations.register(null, event.id, person(), BASE);
    const userId = (await t.db.registration.findUniqueOrThrow({ where: { id: r.id } })).userId;
    expect(await t.db.eventRole.count({ where: { eventId: event.id, userId } })).toBe(1);
    await t.core.registrations.cancelByToken(r.manageToken, BASE);
    expect(await t.db.eventRole.count({ where: { eventId: event.id, userId } })).toBe(0);
    expect(t.bus.left.at(-1)).toMatchObject({
      channel: `user:${userId}`,
      rooms: expect.arrayContaining([`event:${event.id}`]),
    });
    await expect(t.core.breakouts.stateFor({ userId, sessionId: "s" }, event.id)).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("lets a cancelled person register again on the same row", async () => {
    const { event } = await publishedEvent(t);
    const p = person();
    const r = await t.core.registrations.register(null, event.id, p, BASE);
    await t.core.registrations.cancelByToken(r.manageToken, BASE);
    const again = await t.core.registrations.register(null, event.id, p, BASE);
    expect(again.id).toBe(r.id);
    expect(again.status).toBe("confirmed");
  });

  it("raising the capacity moves people up from the waitlist", async () => {
    const { event, organiser } = await publishedEvent(t, { capacity: "1" });
    await t.core.registrations.register(null, event.id, person(), BASE);
    const waiting = await t.core.registrations.register(null, event.id, person(), BASE);
    const form = await t.core.manage.getForEditing(organiser, event.id);
    await t.core.manage.update(organiser, event.id, {
      title: form.title,
      format: form.format,
      timezone: form.timezone,
      startsAt: "2026-12-10T14:00",
      endsAt: "2026-12-10T17:00",
      languages: ["en"],
      capacity: "5",
    });
    expect((await t.core.registrations.getByToken(waiting.manageToken)).status).toBe("confirmed");
  });

  it("holds registrations for approval when the organiser asks, and approving takes a seat", async () => {
    const { event, organiser } = await publishedEvent(t, { requiresApproval: "on", capacity: "1" });
    const r1 = await t.core.registrations.register(null, event.id, person(), BASE);
    const r2 = await t.core.registrations.register(null, event.id, person(), BASE);
    expect(r1.status).toBe("pending");
    expect(t.mailer.sent.at(-1)!.subject).toMatch(/^Registration received/);
    expect(await t.core.registrations.decide(organiser, event.id, r1.id, "approve", BASE)).toBe("confirmed");
    expect(await t.core.registrations.decide(organiser, event.id, r2.id, "approve", BASE)).toBe("waitlisted");
    await expect(t.core.registrations.decide(organiser, event.id, r2.id, "promote", BASE)).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await t.core.registrations.decide(organiser, event.id, r1.id, "reject", BASE)).toBe("rejected");
    expect((await t.core.registrations.getByToken(r2.manageToken)).status).toBe("confirmed");
  });

  it("lets only organisers decide, and participants cannot", async () => {
    const { event } = await publishedEvent(t);
    const r = await t.core.registrations.register(null, event.id, person(), BASE);
    const reg = await t.db.registration.findUniqueOrThrow({ where: { id: r.id } });
    await expect(
      t.core.registrations.decide({ userId: reg.userId, sessionId: "s" }, event.id, r.id, "reject", BASE),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.core.registrations.decide(null, event.id, r.id, "reject", BASE)).rejects.toMatchObject({
      code: "unauthenticated",
    });
  });

  it("refuses registration before the window opens, after it closes, and on cancelled events, saying why", async () => {
    // The test clock reads 2026-11-22T10:00Z.
    const early = await publishedEvent(t, {
      registrationOpensAt: "2026-11-25T09:00",
      registrationClosesAt: "2026-12-09T18:00",
    });
    await expect(t.core.registrations.register(null, early.event.id, person(), BASE)).rejects.toThrow(
      /^Registration opens on November 25, 2026 at 9:00\sAM \(Europe\/Brussels\)\.$/,
    );
    const late = await publishedEvent(t, {
      registrationOpensAt: "2026-11-01T09:00",
      registrationClosesAt: "2026-11-20T18:00",
    });
    await expect(t.core.registrations.register(null, late.event.id, person(), BASE)).rejects.toThrow(
      /^Registration closed on November 20, 2026 at 6:00\sPM \(Europe\/Brussels\)\.$/,
    );
    const cancelled = await publishedEvent(t);
    await t.core.manage.setStatus(cancelled.organiser, cancelled.event.id, "cancelled");
    await expect(t.core.registrations.register(null, cancelled.event.id, person(), BASE)).rejects.toThrow(/cancelled/);
  });

  it("validates built-in fields and custom questions with per-field messages", async () => {
    const { event, organiser } = await publishedEvent(t);
    const q1 = await t.core.manage.addQuestion(organiser, event.id, {
      kind: "single_choice",
      label: "Which room?",
      options: "Services\nWork\nVoice",
      required: "on",
    });
    const q2 = await t.core.manage.addQuestion(organiser, event.id, {
      kind: "multi_choice",
      label: "Topics",
      options: "Health\nJustice",
      required: "",
    });
    const err = await t.core.registrations
      .register(
        null,
        event.id,
        {
          name: "",
          email: "x",
          organisation: "",
          categoryKey: "nope",
          city: "",
          country: "Tunisia",
          [`q_${q2.id}`]: ["Health", "Hacking"],
        },
        BASE,
      )
      .catch((e) => e);
    expect(err.code).toBe("validation");
    expect(Object.keys(err.fieldErrors).sort()).toEqual(
      [
        "categoryKey",
        "city",
        "consentData",
        "country",
        "email",
        "name",
        "organisation",
        `q_${q1.id}`,
        `q_${q2.id}`,
      ].sort(),
    );
    const ok = await t.core.registrations.register(
      null,
      event.id,
      person({ [`q_${q1.id}`]: "Work", [`q_${q2.id}`]: ["Health", "Justice"] }),
      BASE,
    );
    const reg = await t.db.registration.findUniqueOrThrow({ where: { id: ok.id } });
    expect(JSON.parse(reg.answersJson)).toEqual({ [q1.id]: "Work", [q2.id]: ["Health", "Justice"] });
  });

  it("never overbooks the last seats under concurrent registrations", async () => {
    const { event } = await publishedEvent(t, { capacity: "5" });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.core.registrations.register(null, event.id, person(), BASE)),
    );
    expect(results.filter((r) => r.status === "confirmed")).toHaveLength(5);
    expect(results.filter((r) => r.status === "waitlisted")).toHaveLength(15);
    expect(await t.db.registration.count({ where: { eventId: event.id, status: "confirmed" } })).toBe(5);
    expect((await t.db.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(5);
  });

  it("counts figures for the dashboard and report", async () => {
    const { event, organiser } = await publishedEvent(t, { capacity: "3" });
    await t.core.registrations.register(
      null,
      event.id,
      person({ city: "Amman", country: "JO", categoryKey: "local_government" }),
      BASE,
    );
    const r2 = await t.core.registrations.register(null, event.id, person(), BASE);
    await t.core.registrations.register(null, event.id, person(), BASE);
    await t.core.registrations.register(null, event.id, person(), BASE);
    await t.core.registrations.setCheckIn(organiser, event.id, r2.id, true);
    const f = await t.core.participants.figures(organiser, event.id);
    expect(f.byStatus).toMatchObject({ confirmed: 3, waitlisted: 1 });
    expect(f.checkedIn).toBe(1);
    expect(f.attendanceRate).toBeCloseTo(1 / 3);
    expect(f.byCountry).toEqual([
      { country: "TN", count: 3 },
      { country: "JO", count: 1 },
    ]);
    expect(f.byCategory.find((c) => c.key === "migrant_led")!.count).toBe(3);
    expect(f.overTime.at(-1)!.count).toBe(4);
  });
});

describe.each(ENGINES)("the participants list and its CSV on %s", (engine) => {
  let t: Awaited<ReturnType<typeof testCore>>;
  beforeAll(async () => {
    t = await testCore(engine);
  });
  afterAll(() => t.close());

  it("carry each registrant's answers to the event's own questions, decoded, one column per question", async () => {
    const { event, organiser } = await publishedEvent(t);
    const city = await t.db.registrationQuestion.create({
      data: { eventId: event.id, position: 1, kind: "short_text", label: "Which city network?" },
    });
    const topics = await t.db.registrationQuestion.create({
      data: {
        eventId: event.id,
        position: 2,
        kind: "multi_choice",
        label: "Topics",
        optionsJson: '["Housing","Jobs"]',
      },
    });
    const r = await t.core.registrations.register(null, event.id, person({ name: "Amina Diallo" }), BASE);
    await t.db.registration.update({
      where: { id: r.id },
      data: { answersJson: JSON.stringify({ [city.id]: "Eurocities", [topics.id]: ["Housing", "Jobs"] }) },
    });
    const list = await t.core.participants.list(organiser, event.id, {});
    const row = list.rows.find((x) => x.name === "Amina Diallo")!;
    expect(row.answers).toEqual({ [city.id]: "Eurocities", [topics.id]: ["Housing", "Jobs"] });
    expect(row).not.toHaveProperty("answersJson");
    const csv = await t.core.participants.exportCsv(organiser, event.id);
    expect(csv).toContain("Which city network?");
    expect(csv).toMatch(/Amina Diallo.*Eurocities.*Housing; Jobs/);
  });
});
