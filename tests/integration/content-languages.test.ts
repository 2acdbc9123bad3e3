import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveStateIn } from "../../server/core/breakouts/live-languages";
import { loadReportData } from "../../server/core/reports/data";
import { seedDemo } from "../../server/seed/demo";
import { testCore } from "../support/core";
import { eventDay, publishedEvent } from "../support/events";

const SLUG = "migrant-women-local-decision-making";
type Actor = { userId: string; sessionId: string };

describe("the organisers' words in every working language", () => {
  let t: Awaited<ReturnType<typeof testCore>>;
  let mine: { eventId: string; slug: string; organiser: Actor; itemId: string; roundId: string; roomId: string };
  let other: { organiser: Actor; itemId: string };

  beforeAll(async () => {
    t = await testCore("sqlite");
    await seedDemo(t.db, t.clock.now());
    const make = async () => {
      const { event, organiser } = await publishedEvent(t, { languages: ["en", "fr", "es"] });
      const item = await t.core.manage.addAgendaItem(organiser, event.id, {
        kind: "breakout",
        title: "Breakouts",
        description: "Three rooms.",
        startsAt: `${eventDay(t.core)}T15:00`,
        endsAt: `${eventDay(t.core)}T16:00`,
      });
      const round = await t.core.breakouts.createRound(organiser, event.id, {
        title: "Barriers",
        roomCount: "2",
        durationMinutes: "30",
        questions: "What stops women from taking part?",
      });
      const room = await t.db.room.findFirstOrThrow({ where: { roundId: round.id }, orderBy: { position: "asc" } });
      return { eventId: event.id, slug: event.slug, organiser, itemId: item.id, roundId: round.id, roomId: room.id };
    };
    mine = await make();
    const b = await make();
    other = { organiser: b.organiser, itemId: b.itemId };
  });
  afterAll(() => t.close());

  it("saves one language's translations and pages show them to its readers, the original to others", async () => {
    await t.core.content.save(mine.organiser, mine.eventId, {
      language: "fr",
      "event.title": "Dialogue local sur l'inclusion",
      "event.description": "Une séance de **travail**.",
      [`agenda.${mine.itemId}.title`]: "Salles de travail",
      [`round.${mine.roundId}.title`]: "Obstacles",
      [`round.${mine.roundId}.questions`]: "Qu'est-ce qui empêche les femmes de participer ?",
      [`room.${mine.roomId}.name`]: "Salle A",
      // Unknown keys and fields that are not translatable are ignored, never stored.
      "event.slug": "hijacked",
      [`room.${mine.roomId}.meetingUrl`]: "https://evil.test",
    });
    const fr = await t.core.events.getPage(mine.slug, mine.organiser, "fr");
    expect(fr.title).toBe("Dialogue local sur l'inclusion");
    expect(fr.contentLanguage).toBe("fr");
    expect(fr.descriptionHtml).toContain("<strong>travail</strong>");
    expect(fr.agenda.find((a) => a.id === mine.itemId)?.title).toBe("Salles de travail");
    // Spanish is a working language without a translation yet, Arabic is not one: both read the original.
    for (const reader of ["es", "ar", "en"]) {
      const page = await t.core.events.getPage(mine.slug, mine.organiser, reader);
      expect(page.title, reader).toBe("Local dialogue on inclusion");
      expect(page.agenda.find((a) => a.id === mine.itemId)?.title).toBe("Breakouts");
    }
    const stored = await t.db.event.findUniqueOrThrow({ where: { id: mine.eventId } });
    expect(stored.slug).toBe(mine.slug);
    expect(JSON.parse(stored.translationsJson)).toEqual({
      fr: { title: "Dialogue local sur l'inclusion", description: "Une séance de **travail**." },
    });
    const room = await t.db.room.findUniqueOrThrow({ where: { id: mine.roomId } });
    expect(JSON.parse(room.translationsJson)).toEqual({ fr: { name: "Salle A" } });

    const board = await t.db.board.findFirstOrThrow({ where: { roomId: mine.roomId } });
    const texts = await t.core.content.forBoard(board.id, "fr");
    expect(texts).toMatchObject({
      title: "Salle A",
      roundTitle: "Obstacles",
      eventTitle: "Dialogue local sur l'inclusion",
      questions: ["Qu'est-ce qui empêche les femmes de participer ?"],
    });
    expect((await t.core.content.forBoard(board.id, "es")).title).toBe("Room A");
    // The event page's list of boards names a room's board after the room, in the reader's language.
    const listed = await t.core.boards.listForEvent(mine.organiser, mine.eventId, "fr");
    expect(listed.find((b) => b.id === board.id)).toMatchObject({ title: "Salle A", round: "Obstacles" });
    const original = await t.core.boards.listForEvent(mine.organiser, mine.eventId, "es");
    expect(original.find((b) => b.id === board.id)).toMatchObject({ title: "Room A", round: "Barriers" });

    // The lists of events read the same way.
    const upcoming = await t.core.events.listUpcoming("fr");
    expect(upcoming.find((e) => e.id === mine.eventId)?.title).toBe("Dialogue local sur l'inclusion");
    expect(await t.core.content.sources(mine.organiser, mine.eventId)).toMatchObject({
      languages: ["en", "fr", "es"],
      event: {
        title: "Local dialogue on inclusion",
        translations: { fr: { title: "Dialogue local sur l'inclusion" } },
      },
    });
  });

  it("an emptied field removes its translation, and the original shows again", async () => {
    await t.core.content.save(mine.organiser, mine.eventId, {
      language: "fr",
      "event.title": "",
      "event.description": "",
    });
    expect((await t.core.events.getPage(mine.slug, null, "fr")).title).toBe("Local dialogue on inclusion");
    expect((await t.db.event.findUniqueOrThrow({ where: { id: mine.eventId } })).translationsJson).toBe("{}");
  });

  it("refuses the first language (the original), a language the event does not work in, and texts too long", async () => {
    for (const language of ["en", "ar", "xx"])
      await expect(
        t.core.content.save(mine.organiser, mine.eventId, { language, "event.title": "T" }),
      ).rejects.toMatchObject({ code: "validation" });
    await expect(
      t.core.content.save(mine.organiser, mine.eventId, { language: "fr", "event.title": "x".repeat(201) }),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { "event.title": [{ key: "events.fieldTooLong", params: { max: 200 } }] },
    });
  });

  it("lets only the event's organisers translate, and finds nothing of another event", async () => {
    const participant = await t.core.auth.createAccount({
      name: "P",
      email: `p-${Date.now()}@example.org`,
      password: "a long enough password",
    });
    const stranger = { userId: participant.user.id, sessionId: participant.session.id };
    await expect(t.core.content.save(null, mine.eventId, { language: "fr" })).rejects.toMatchObject({
      code: "unauthenticated",
    });
    await expect(t.core.content.save(stranger, mine.eventId, { language: "fr" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(t.core.content.sources(stranger, mine.eventId)).rejects.toMatchObject({ code: "forbidden" });
    // The other event's organiser, in their own event, names this event's agenda item: not found, and
    // nothing of the form is written (their own event's title either).
    await expect(
      t.core.content.save(
        other.organiser,
        (await t.db.agendaItem.findUniqueOrThrow({ where: { id: other.itemId } })).eventId,
        {
          language: "fr",
          "event.title": "Volé",
          [`agenda.${mine.itemId}.title`]: "Volé",
        },
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    const item = await t.db.agendaItem.findUniqueOrThrow({ where: { id: mine.itemId } });
    expect(item.translationsJson).not.toContain("Volé");
    const theirs = await t.db.agendaItem.findUniqueOrThrow({ where: { id: other.itemId }, include: { event: true } });
    expect(theirs.event.translationsJson).toBe("{}");
  });

  it("the demo's live screen, board and report read in Arabic where the organisers wrote Arabic", async () => {
    const event = await t.db.event.findUniqueOrThrow({ where: { slug: SLUG } });
    const page = await t.core.events.getPage(SLUG, null, "ar");
    expect(page.title).toBe("مدن الترحيب: أصوات النساء المهاجرات في صنع القرار المحلي");
    expect(page.agenda[0]?.title).toBe("الترحيب والغاية من الجلسة");

    const round = await t.db.breakoutRound.findFirstOrThrow({ where: { eventId: event.id } });
    const organiser = await t.db.eventRole.findFirstOrThrow({ where: { eventId: event.id, role: "organiser" } });
    const session = await t.db.session.create({
      data: { id: randomUUID(), userId: organiser.userId, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    await t.core.breakouts.open({ userId: organiser.userId, sessionId: session.id }, event.id, round.id);
    const seat = await t.db.roomAssignment.findFirstOrThrow({
      where: { roundId: round.id, role: "participant", room: { position: 2 } },
      include: { user: { include: { sessions: true } } },
    });
    const userSession = await t.db.session.create({
      data: { id: randomUUID(), userId: seat.userId, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    const state = await t.core.breakouts.stateFor({ userId: seat.userId, sessionId: userSession.id }, event.id);
    expect(state.room?.name).toBe("Room C: voice and participation (women-only room)");
    const ar = liveStateIn(state, "ar");
    expect(ar.round?.title).toBe("التحديات والعوائق والفرص");
    expect(ar.room?.name).toBe("الغرفة ج: الصوت والمشاركة (غرفة للنساء فقط)");
    expect(ar.room?.questions[0]).toContain("كيف يمكن للنساء المهاجرات");
    expect(liveStateIn(state, "es").room?.name).toBe("Sala C: voz y participación (sala solo para mujeres)");

    const report = await loadReportData(t.db, event.id, "fr");
    expect(report.event.title).toBe("Villes accueillantes : la voix des femmes migrantes dans les décisions locales");
    expect(report.rooms.map((r) => r.name)).toEqual([
      "Salle A : services et justice",
      "Salle B : travail décent et revenus",
      "Salle C : voix et participation (salle réservée aux femmes)",
    ]);
    expect(report.agenda[0]?.title).toBe("Accueil et objectifs de la séance");
    expect((await loadReportData(t.db, event.id, "en")).event.title).toBe(
      "Cities of Welcome: migrant women's voices in local decision-making",
    );
  });
});
