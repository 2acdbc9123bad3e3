import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/databases";
import { testCore } from "../support/core";
import { BASE, person, publishedEvent } from "../support/events";

const BXL = "Europe/Brussels";

describe.each(ENGINES)("what organisers do for a real session on %s", (engine) => {
  let t: Awaited<ReturnType<typeof testCore>>;
  beforeAll(async () => {
    t = await testCore(engine);
  });
  afterAll(() => t.close());

  /** A session that happened last week: its registration window is long closed. */
  async function pastEvent(extra: Record<string, unknown> = {}) {
    const day = DateTime.fromJSDate(t.core.clock.now(), { zone: BXL }).minus({ days: 7 }).toISODate()!;
    const made = await publishedEvent(t, {
      format: "in_person",
      venue: "Tunis City Hall",
      startsAt: `${day}T09:00`,
      endsAt: `${day}T12:00`,
      ...extra,
    });
    return { ...made, day };
  }
  const stranger = async () => {
    const a = await t.core.auth.createAccount({
      name: "Stranger",
      email: `stranger-${Math.random().toString(36).slice(2, 8)}@example.org`,
      password: "a long enough password",
    });
    return { userId: a.user.id, sessionId: a.session.id };
  };
  const one = {
    name: "Amal Trabelsi",
    email: "amal.trabelsi@example.org",
    organisation: "Tunis Migrant Women's Association",
    categoryKey: "migrant_led",
    roleTitle: "Coordinator",
    city: "Tunis",
    country: "TN",
    consentData: "on",
  };

  it("records a participant of a past session, present, without emailing anyone", async () => {
    const { event, organiser } = await pastEvent();
    await expect(t.core.registrations.register(null, event.id, person(), BASE)).rejects.toMatchObject({
      code: "conflict",
    });
    const sent = t.mailer.sent.length;
    const r = await t.core.registrations.record(organiser, event.id, { ...one, attended: "on" }, BASE);
    expect(r.outcome).toBe("added");
    const reg = await t.db.registration.findUniqueOrThrow({ where: { id: r.registrationId } });
    expect(reg).toMatchObject({
      status: "confirmed",
      organisation: one.organisation,
      country: "TN",
      consentData: true,
    });
    // Present at the event, not at the moment the secretariat typed it in.
    expect(reg.checkedInAt?.toISOString()).toBe(event.startsAt.toISOString());
    expect(t.mailer.sent).toHaveLength(sent);
    expect((await t.db.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(1);
    // The same person again is refused with a field error; attendance can be recorded any time.
    await expect(t.core.registrations.record(organiser, event.id, one, BASE)).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { email: expect.any(Array) },
    });
    await t.core.registrations.setCheckIn(organiser, event.id, r.registrationId, false);
    await t.core.registrations.setCheckIn(organiser, event.id, r.registrationId, true);
  });

  it("emails the confirmation and a sign-in link only when asked", async () => {
    const { event, organiser } = await publishedEvent(t);
    await t.core.registrations.record(organiser, event.id, { ...one, notify: "on" }, BASE);
    const mail = t.mailer.sent.at(-1)!;
    expect(mail.to).toBe(one.email);
    expect(mail.text).toMatch(/\/login\/link\//);
  });

  it("asks for what the team attests and for the event's own categories", async () => {
    const { event, organiser } = await pastEvent();
    await expect(
      t.core.registrations.record(
        organiser,
        event.id,
        { ...one, consentData: "", categoryKey: "astronauts", country: "Atlantis" },
        BASE,
      ),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { consentData: expect.any(Array), categoryKey: expect.any(Array), country: expect.any(Array) },
    });
  });

  it("lets the organiser and the secretariat record people, and nobody else, whatever ids they send", async () => {
    const { event, organiser } = await pastEvent();
    const other = await publishedEvent(t);
    const outsider = await stranger();
    const secretariat = await stranger();
    await t.db.eventRole.create({ data: { eventId: event.id, userId: secretariat.userId, role: "secretariat" } });
    const facilitator = await stranger();
    await t.db.eventRole.create({ data: { eventId: event.id, userId: facilitator.userId, role: "facilitator" } });
    const csv = "email,organisation,category\nx@example.org,IOM,other\n";
    for (const [who, code] of [
      [null, "unauthenticated"],
      [outsider, "forbidden"],
      [other.organiser, "forbidden"],
      [facilitator, "forbidden"],
    ] as const) {
      await expect(t.core.registrations.record(who, event.id, one, BASE)).rejects.toMatchObject({ code });
      await expect(
        t.core.registrations.importCsv(who, event.id, csv, { consentData: "on" }, BASE),
      ).rejects.toMatchObject({ code });
      await expect(t.core.registrations.recordSpec(who, event.id)).rejects.toMatchObject({ code });
    }
    expect(await t.db.registration.count({ where: { eventId: event.id } })).toBe(0);
    expect((await t.core.registrations.record(secretariat, event.id, one, BASE)).outcome).toBe("added");
    void organiser;
  });

  it("imports a sign-in sheet: every row checked, nothing recorded while a row is wrong unless asked", async () => {
    const { event, organiser } = await pastEvent();
    // Already registered online before the session; the sheet records that she came.
    await t.db.registration.create({
      data: {
        eventId: event.id,
        userId: (await t.db.user.create({ data: { email: "lina@example.org", name: "Lina" } })).id,
        status: "confirmed",
        organisation: "City of Amman",
      },
    });
    const sheet = [
      "Full name,E-mail,Organization,Stakeholder group,Role,City,Country,Attended,Quote",
      "Nadia Okafor,nadia@example.org,UN Women,International organisation,Programme officer,Dakar,Senegal,yes,no",
      'Joao Silva,joao@example.org,"Prefeitura de São Paulo, Secretaria de Direitos Humanos",local_government,,São Paulo,BR,no,yes',
      ",lina@example.org,City of Amman,local_government,,Amman,JO,yes,",
      "Bad Row,not-an-email,Someone,astronauts,,,Narnia,yes,",
      "Nadia Again,NADIA@example.org,UN Women,international_org,,,,,",
    ].join("\n");
    const dry = await t.core.registrations.importCsv(organiser, event.id, sheet, { consentData: "on" }, BASE);
    expect(dry).toMatchObject({ dryRun: true, added: 0 });
    expect(dry.errors.map((e) => e.line)).toEqual([5, 6]);
    expect(dry.errors[0]!.messages.join(" ")).toMatch(/email.*category|category.*email/s);
    expect(dry.errors[0]!.messages.join(" ")).toMatch(/Unknown country/);
    expect(dry.errors[1]!.messages.join(" ")).toMatch(/appears twice/);
    expect(await t.db.registration.count({ where: { eventId: event.id } })).toBe(1);

    await expect(
      t.core.registrations.importCsv(organiser, event.id, sheet, { validOnly: "on" }, BASE),
    ).rejects.toMatchObject({ code: "validation", fieldErrors: { consentData: expect.any(Array) } });

    const done = await t.core.registrations.importCsv(
      organiser,
      event.id,
      sheet,
      { consentData: "on", validOnly: "on" },
      BASE,
    );
    expect(done).toMatchObject({ dryRun: false, added: 2, attendance: 1, skipped: [] });
    const regs = await t.db.registration.findMany({
      where: { eventId: event.id },
      include: { user: true, category: true },
      orderBy: { createdAt: "asc" },
    });
    const by = (email: string) => regs.find((r) => r.user.email === email)!;
    expect(by("nadia@example.org")).toMatchObject({
      country: "SN",
      roleTitle: "Programme officer",
      consentQuote: false,
    });
    expect(by("nadia@example.org").category?.key).toBe("international_org");
    expect(by("nadia@example.org").checkedInAt).not.toBeNull();
    expect(by("joao@example.org")).toMatchObject({
      organisation: "Prefeitura de São Paulo, Secretaria de Direitos Humanos",
      consentQuote: true,
      checkedInAt: null,
    });
    expect(by("lina@example.org").checkedInAt).not.toBeNull();
    expect((await t.core.participants.figures(organiser, event.id)).checkedIn).toBe(2);
  });

  it("says which rows found the event full, and records the others", async () => {
    const { event, organiser } = await pastEvent({ capacity: "1" });
    const sheet = "email,organisation,category\na@example.org,IOM,other\nb@example.org,IOM,other\n";
    const r = await t.core.registrations.importCsv(organiser, event.id, sheet, { consentData: "on" }, BASE);
    expect(r).toMatchObject({ added: 1, skipped: [{ line: 3, email: "b@example.org", reason: "the event is full" }] });
  });

  it("refuses files that are not usable spreadsheets", async () => {
    const { event, organiser } = await pastEvent();
    for (const csv of ["", "name,city\nA,B\n", 'email,organisation,category\n"unclosed,x,y\n']) {
      await expect(
        t.core.registrations.importCsv(organiser, event.id, csv, { consentData: "on" }, BASE),
      ).rejects.toMatchObject({ code: "validation", fieldErrors: { file: expect.any(Array) } });
    }
  });

  it("moves the agenda with the event, keeping its local times across a clock change", async () => {
    const { event, organiser } = await publishedEvent(t, {
      startsAt: "2027-09-10T14:00",
      endsAt: "2027-09-10T18:00",
    });
    await t.core.manage.addAgendaItem(organiser, event.id, {
      kind: "panel",
      title: "Panel",
      startsAt: "2027-09-10T14:30",
      endsAt: "2027-09-10T15:30",
    });
    await t.core.manage.update(organiser, event.id, {
      title: event.title,
      format: "online",
      timezone: BXL,
      startsAt: "2027-12-10T14:00",
      endsAt: "2027-12-10T18:00",
      languages: ["en"],
    });
    const [item] = await t.db.agendaItem.findMany({ where: { eventId: event.id } });
    const local = (d: Date) => DateTime.fromJSDate(d, { zone: BXL }).toFormat("yyyy-MM-dd'T'HH:mm");
    expect([local(item!.startsAt), local(item!.endsAt)]).toEqual(["2027-12-10T14:30", "2027-12-10T15:30"]);
    // The public page reads the same day above the agenda and in it.
    const page = await t.core.events.getPage(event.slug, null);
    expect(page.agenda[0]!.startsAt.slice(0, 10)).toBe(page.startsAt.slice(0, 10));
  });

  it("shows the organising organisations, with commas inside their names", async () => {
    const { event } = await publishedEvent(t, {
      organisations: "Cities of Welcome Network\nUniversity of Ghana, Centre for Migration Studies",
    });
    expect((await t.core.events.getPage(event.slug, null)).organisers).toEqual([
      "Cities of Welcome Network",
      "University of Ghana, Centre for Migration Studies",
    ]);
  });

  it("edits a custom question, keeps answers already given, and refuses one that repeats a built-in field", async () => {
    const { event, organiser } = await publishedEvent(t);
    const q = await t.core.manage.addQuestion(organiser, event.id, {
      kind: "single_choice",
      label: "Which theme?",
      options: "Housing\nWork",
    });
    await t.core.registrations.register(null, event.id, person({ [`q_${q.id}`]: "Housing" }), BASE);
    await t.core.manage.updateQuestion(organiser, event.id, q.id, {
      kind: "single_choice",
      label: "Which theme matters most?",
      options: "Decent work\nAccess to justice",
      required: "on",
    });
    const edited = await t.db.registrationQuestion.findUniqueOrThrow({ where: { id: q.id } });
    expect(edited).toMatchObject({ label: "Which theme matters most?", required: true });
    expect((await t.core.manage.answerCounts(organiser, event.id)).get(q.id)).toBe(1);
    const [reg] = await t.db.registration.findMany({ where: { eventId: event.id } });
    expect(JSON.parse(reg!.answersJson)).toEqual({ [q.id]: "Housing" });

    for (const label of ["Gender", "Your role / title", "Organization", "Country (optional)"]) {
      await expect(t.core.manage.addQuestion(organiser, event.id, { kind: "short_text", label })).rejects.toMatchObject(
        { code: "conflict", fieldErrors: { label: [expect.stringMatching(/already asks/)] } },
      );
    }
    const other = await publishedEvent(t);
    await expect(
      t.core.manage.updateQuestion(other.organiser, other.event.id, q.id, { kind: "short_text", label: "Mine now" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
