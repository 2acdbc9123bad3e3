import { DateTime } from "luxon";
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { hashPassword } from "../core/auth/passwords";
import { ensureSynthesisBoard } from "../core/boards/synthesis";
import { opPayload, roomConstraint, stringList, translations } from "../core/json-columns";
import {
  AGENDA,
  CATEGORIES,
  CITIES,
  DEMO_ADMIN,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  EVENT,
  FIRST_NAMES,
  LAST_NAMES,
  ROOMS,
  organisationFor,
} from "./demo-content";
import { AGENDA_TRANSLATIONS, EVENT_TRANSLATIONS, ROOM_TRANSLATIONS, ROUND_TRANSLATIONS } from "./demo-translations";

export { DEMO_ADMIN, DEMO_LOGINS, DEMO_PASSWORD } from "./demo-content";

/** Small seeded PRNG, so the demo is the same on every machine. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PARTICIPANTS = 100;

/**
 * Seeds the demo dialogue into an empty database and reports what it did.
 * It never touches a database that already has events or accounts: an
 * instance whose first administrator signed up must not gain demo logins
 * (their password is public) because someone restarted it without
 * PLENARY_SEED_DEMO=0.
 */
export async function seedDemo(db: Db, now: Date = new Date()): Promise<{ seeded: boolean; eventSlug: string }> {
  if ((await db.event.count()) > 0 || (await db.user.count()) > 0) return { seeded: false, eventSlug: EVENT.slug };
  const rand = prng(2026);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

  // A week from now, 13:00 in Brussels, so the demo shows as upcoming.
  const start = DateTime.fromJSDate(now, { zone: EVENT.timezone })
    .plus({ days: 7 })
    .set({ hour: 13, minute: 0, second: 0, millisecond: 0 });
  const totalMinutes = AGENDA.reduce((s, a) => s + a.minutes, 0);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const event = await db.event.create({
    data: {
      slug: EVENT.slug,
      title: EVENT.title,
      description: EVENT.description,
      format: "hybrid",
      venue: "Brussels City Hall, Gothic Room, and online",
      meetingUrl: "https://meet.example.org/cities-of-welcome",
      timezone: EVENT.timezone,
      startsAt: start.toJSDate(),
      endsAt: start.plus({ minutes: totalMinutes }).toJSDate(),
      languagesJson: stringList.write(EVENT.languages),
      chathamHouse: true,
      capacity: 120,
      registrationOpensAt: start.minus({ days: 30 }).toJSDate(),
      registrationClosesAt: start.minus({ days: 1 }).toJSDate(),
      partnersJson: stringList.write(EVENT.partners),
      organisationsJson: stringList.write(EVENT.organisations),
      translationsJson: translations.write(EVENT_TRANSLATIONS),
      categories: { create: CATEGORIES.map(([key, label], position) => ({ key, label, position })) },
      resources: {
        create: [
          {
            title: "Global Compact for Migration, objective 16 (inclusion and social cohesion)",
            url: "https://www.un.org/en/migration2022/global-compact-for-migration",
            position: 0,
          },
          {
            title: "Migration Network Hub: repository of practices",
            url: "https://migrationnetwork.un.org/hub",
            position: 1,
          },
        ],
      },
    },
    include: { categories: true },
  });
  const categoryId = new Map(event.categories.map((c) => [c.key, c.id]));

  // Agenda, back to back from the start.
  let cursor = start;
  let breakoutItemId = "";
  for (const [position, item] of AGENDA.entries()) {
    const created = await db.agendaItem.create({
      data: {
        eventId: event.id,
        position,
        kind: item.kind,
        title: item.title,
        description: item.description,
        translationsJson: translations.write(AGENDA_TRANSLATIONS[position] ?? {}),
        startsAt: cursor.toJSDate(),
        endsAt: cursor.plus({ minutes: item.minutes }).toJSDate(),
        speakers: { create: (item.speakers ?? []).map((s, i) => ({ ...s, position: i })) },
      },
    });
    if (item.kind === "breakout") breakoutItemId = created.id;
    cursor = cursor.plus({ minutes: item.minutes });
  }

  // People: the demo logins, then participants spread over 25 cities and every stakeholder group.
  const people: { id: string; category: string; gender: string | null }[] = [];
  // The instance's administrator, and the demo organiser approved to create events (the default policy).
  await db.user.create({ data: { ...DEMO_ADMIN, passwordHash, platformRole: "admin" } });
  for (const login of DEMO_LOGINS) {
    const user = await db.user.create({
      data: {
        email: login.email,
        name: login.name,
        passwordHash,
        platformRole: login.role === "organiser" ? "organiser" : "member",
      },
    });
    await db.eventRole.create({ data: { eventId: event.id, userId: user.id, role: login.role } });
    if (login.role !== "participant")
      await db.eventRole.create({ data: { eventId: event.id, userId: user.id, role: "participant" } });
    await db.registration.create({
      data: {
        eventId: event.id,
        userId: user.id,
        status: "confirmed",
        organisation: login.organisation,
        categoryId: categoryId.get(login.category),
        city: login.city,
        country: login.country,
        roleTitle: login.role === "participant" ? "Coordinator" : "Programme officer",
        preferredLanguage: "en",
        consentData: true,
        consentQuote: login.role !== "participant",
        gender: login.name.startsWith("Kwame") ? "man" : "woman",
        createdAt: start.minus({ days: 25 }).toJSDate(),
      },
    });
    people.push({ id: user.id, category: login.category, gender: login.name.startsWith("Kwame") ? "man" : "woman" });
  }
  const weights: [string, number][] = [
    ["local_government", 20],
    ["national_government", 8],
    ["international_org", 14],
    ["civil_society", 18],
    ["migrant_led", 16],
    ["academia", 10],
    ["city_network", 6],
    ["private_sector", 5],
    ["other", 3],
  ];
  const bag = weights.flatMap(([k, n]) => Array<string>(n).fill(k));
  const usedEmails = new Set<string>(DEMO_LOGINS.map((l) => l.email));
  for (let i = 0; people.length < PARTICIPANTS; i++) {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const [city, country, language] = CITIES[i % CITIES.length]!;
    // Stepping by a number coprime with the bag size visits every group in a mixed order.
    const category = bag[(i * 37) % bag.length]!;
    const base = `${first}.${last}`
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
    let email = `${base}@example.org`;
    for (let n = 2; usedEmails.has(email); n++) email = `${base}${n}@example.org`;
    usedEmails.add(email);
    const womanFirst = FIRST_NAMES.indexOf(first) < 28;
    const gender = rand() < 0.8 ? (womanFirst ? "woman" : "man") : null;
    const user = await db.user.create({ data: { email, name: `${first} ${last}`, locale: "en" } });
    await db.eventRole.create({ data: { eventId: event.id, userId: user.id, role: "participant" } });
    const registeredDaysBefore = 2 + Math.floor(rand() * 26);
    await db.registration.create({
      data: {
        eventId: event.id,
        userId: user.id,
        status: i % 25 === 24 ? "pending" : "confirmed",
        organisation: organisationFor(category, city, country, i),
        categoryId: categoryId.get(category),
        roleTitle: pick([
          "Policy officer",
          "Coordinator",
          "Researcher",
          "Director",
          "Community organiser",
          "Programme manager",
        ]),
        city,
        country,
        preferredLanguage: language,
        gender,
        consentData: true,
        consentQuote: rand() < 0.6,
        accessibilityNeeds: rand() < 0.05 ? "Live captions, please" : "",
        createdAt: start.minus({ days: registeredDaysBefore, hours: Math.floor(rand() * 12) }).toJSDate(),
      },
    });
    people.push({ id: user.id, category, gender });
  }

  await db.event.update({
    where: { id: event.id },
    data: { seatsTaken: await db.registration.count({ where: { eventId: event.id, status: "confirmed" } }) },
  });

  // One breakout round of three rooms, assigned round-robin (the real balancer comes with breakouts).
  const round = await db.breakoutRound.create({
    data: {
      eventId: event.id,
      agendaItemId: breakoutItemId,
      title: "Challenges, barriers and opportunities",
      translationsJson: translations.write(ROUND_TRANSLATIONS),
      durationMinutes: 60,
      assignmentMode: "auto",
    },
  });
  const rooms: { room: { id: string }; board: { id: string }; spec: (typeof ROOMS)[number]; members: string[] }[] = [];
  for (const [position, r] of ROOMS.entries()) {
    const room = await db.room.create({
      data: {
        roundId: round.id,
        name: r.name,
        position,
        question: r.question,
        translationsJson: translations.write(ROOM_TRANSLATIONS[position] ?? {}),
        meetingUrl: `https://meet.example.org/cities-of-welcome-room-${"abc"[position]}`,
        constraintJson: position === 2 ? roomConstraint.write({ gender: "woman" }) : null,
      },
    });
    const board = await db.board.create({
      data: { eventId: event.id, roomId: room.id, kind: "room", title: r.name, phase: "group", dotBudget: 5 },
    });
    rooms.push({ room, board, spec: r, members: [] as string[] });
  }
  await ensureSynthesisBoard(db, event.id);
  const women = people.filter((p) => p.gender === "woman");
  const others = people.filter((p) => p.gender !== "woman");
  women.slice(0, Math.ceil(people.length / 3)).forEach((p) => rooms[2]!.members.push(p.id));
  [...women.slice(Math.ceil(people.length / 3)), ...others].forEach((p, i) => rooms[i % 2]!.members.push(p.id));
  for (const r of rooms) {
    await db.roomAssignment.createMany({
      data: r.members.map((userId) => ({ roundId: round.id, roomId: r.room.id, userId })),
    });
  }

  // Notes on each board, logged as board operations (as the server stores them) so catch-up works from the start.
  for (const r of rooms) {
    const created: { id: string; authorId: string; createdAt: Date; opId: string }[] = [];
    for (const [i, note] of r.spec.notes.entries()) {
      const [category = "challenges", text = ""] = note;
      const noteId = randomUUID();
      const authorId = r.members[(i * 7) % r.members.length]!;
      const createdAt = start.plus({ minutes: 65 + i * 3 }).toJSDate();
      await db.note.create({ data: { id: noteId, boardId: r.board.id, authorId, category, text, createdAt } });
      created.push({ id: noteId, authorId, createdAt, opId: randomUUID() });
      // A few dots on every note, more on some, from different people.
      const dots = 1 + Math.floor(rand() * 6);
      for (let d = 0; d < dots; d++) {
        await db.vote.upsert({
          where: { noteId_userId: { noteId, userId: r.members[(i + d * 5 + 1) % r.members.length]! } },
          create: { boardId: r.board.id, noteId, userId: r.members[(i + d * 5 + 1) % r.members.length]!, dots: 1 },
          update: {},
        });
      }
    }
    for (const [k, c] of created.entries()) {
      await db.boardOp.create({
        data: {
          boardId: r.board.id,
          seq: k + 1,
          opId: c.opId,
          userId: c.authorId,
          type: "note.create",
          // The log keeps ids; texts and author labels are read afresh for each viewer (see visibility.ts).
          payloadJson: opPayload.write({ type: "note.create", data: { note: { id: c.id } } }),
          createdAt: c.createdAt,
        },
      });
    }
    await db.board.update({ where: { id: r.board.id }, data: { seq: created.length } });
  }
  return { seeded: true, eventSlug: EVENT.slug };
}
