import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/databases";
import { testCore } from "../support/core";
import { BASE, person, publishedEvent } from "../support/events";

describe.each(ENGINES)("breakout rounds on %s", (engine) => {
  let t: Awaited<ReturnType<typeof testCore>>;
  beforeAll(async () => {
    t = await testCore(engine);
  });
  afterAll(() => t.close());

  async function eventWith(n: number, extra: (i: number) => Record<string, unknown> = () => ({})) {
    const { event, organiser } = await publishedEvent(t);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await t.core.registrations.register(null, event.id, person(extra(i)), BASE);
      ids.push((await t.db.registration.findUniqueOrThrow({ where: { id: r.id } })).userId);
    }
    return { event, organiser, ids };
  }

  const round = (rooms: number, extra: Record<string, unknown> = {}) => ({
    title: "Mapping barriers",
    roomCount: String(rooms),
    durationMinutes: "45",
    questions: "What stops you?",
    ...extra,
  });

  it("creates rooms with a board each, named and with the guiding question", async () => {
    const { event, organiser } = await eventWith(0);
    const r = await t.core.breakouts.createRound(organiser, event.id, round(3, { roomNames: "Services\nWork" }));
    const rooms = await t.db.room.findMany({
      where: { roundId: r.id },
      orderBy: { position: "asc" },
      include: { board: true },
    });
    expect(rooms.map((x) => x.name)).toEqual(["Services", "Work", "Room C"]);
    expect(rooms.every((x) => x.board)).toBe(true);
    expect(await t.core.breakouts.questionsOfRoom(rooms[2]!.id)).toEqual(["What stops you?"]);
    await expect(
      t.core.breakouts.createRound(organiser, event.id, round(3, { questions: "a\nb", questionsFor: "each" })),
    ).rejects.toMatchObject({ fieldErrors: { questions: expect.any(Array) } });
  });

  it("asks every room several questions, or each room its own, and a room may add more", async () => {
    const { event, organiser } = await eventWith(0);
    const three =
      "What stops migrant women from using services?\nWhat works in your city?\nWhat would you change first?";
    const all = await t.core.breakouts.createRound(organiser, event.id, round(3, { questions: three }));
    const [a, , c] = await t.db.room.findMany({ where: { roundId: all.id }, orderBy: { position: "asc" } });
    expect(await t.core.breakouts.questionsOfRoom(c!.id)).toEqual(three.split("\n"));
    // A room's own question comes after the ones every room discusses.
    await t.core.breakouts.updateRoom(organiser, event.id, a!.id, {
      name: "Services",
      question: "Which service first?",
    });
    expect(await t.core.breakouts.questionsOfRoom(a!.id)).toEqual([...three.split("\n"), "Which service first?"]);
    await t.core.breakouts.setRoundQuestions(organiser, event.id, all.id, { questions: "Only this one" });
    expect(await t.core.breakouts.questionsOfRoom(c!.id)).toEqual(["Only this one"]);

    const each = await t.core.breakouts.createRound(
      organiser,
      event.id,
      round(3, { questions: three, questionsFor: "each" }),
    );
    const rooms = await t.db.room.findMany({ where: { roundId: each.id }, orderBy: { position: "asc" } });
    expect(await Promise.all(rooms.map((r) => t.core.breakouts.questionsOfRoom(r.id)))).toEqual(
      three.split("\n").map((q) => [q]),
    );
    // Another event's organiser cannot change this round's questions with its ids.
    const other = await eventWith(0);
    await expect(
      t.core.breakouts.setRoundQuestions(other.organiser, event.id, all.id, { questions: "Hijacked" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      t.core.breakouts.setRoundQuestions(other.organiser, other.event.id, all.id, { questions: "Hijacked" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses to open with nobody registered, with more rooms than people, or while another round runs", async () => {
    const empty = await eventWith(0);
    const r0 = await t.core.breakouts.createRound(empty.organiser, empty.event.id, round(2));
    await expect(t.core.breakouts.open(empty.organiser, empty.event.id, r0.id)).rejects.toThrow(/Nobody is confirmed/);

    const few = await eventWith(2);
    const r1 = await t.core.breakouts.createRound(few.organiser, few.event.id, round(3));
    await expect(t.core.breakouts.open(few.organiser, few.event.id, r1.id)).rejects.toThrow(
      /more rooms \(3\) than confirmed people \(2\)/,
    );

    const ok = await eventWith(6);
    const a = await t.core.breakouts.createRound(ok.organiser, ok.event.id, round(2));
    const b = await t.core.breakouts.createRound(ok.organiser, ok.event.id, round(2, { title: "Second" }));
    await t.core.breakouts.open(ok.organiser, ok.event.id, a.id);
    await expect(t.core.breakouts.open(ok.organiser, ok.event.id, b.id)).rejects.toThrow(
      /“Mapping barriers” is still running/,
    );
  });

  it("lets only organisers and facilitators run rounds", async () => {
    const { event, organiser, ids } = await eventWith(4);
    const r = await t.core.breakouts.createRound(organiser, event.id, round(2));
    await expect(t.core.breakouts.open({ userId: ids[0]!, sessionId: "s" }, event.id, r.id)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(t.core.breakouts.message(null, event.id, r.id, { message: "hi" })).rejects.toMatchObject({
      code: "unauthenticated",
    });
  });

  it("places a late joiner in the room where their category is rarest", async () => {
    const { event, organiser } = await eventWith(6, (i) => ({ categoryKey: i % 2 ? "academia" : "civil_society" }));
    const r = await t.core.breakouts.createRound(organiser, event.id, round(2));
    await t.core.breakouts.open(organiser, event.id, r.id);
    const late = await t.core.registrations.register(null, event.id, person({ categoryKey: "academia" }), BASE);
    const userId = (await t.db.registration.findUniqueOrThrow({ where: { id: late.id } })).userId;
    const state = await t.core.breakouts.stateFor({ userId, sessionId: "s" }, event.id);
    expect(state.room).not.toBeNull();
    const members = await t.db.roomAssignment.count({ where: { roomId: state.room!.id } });
    expect(members).toBe(4);
  });

  it("keeps a reserved room for the people it is reserved to", async () => {
    const { event, organiser, ids } = await eventWith(4, (i) => ({ gender: i < 2 ? "woman" : "" }));
    const r = await t.core.breakouts.createRound(organiser, event.id, round(2));
    const [women] = await t.db.room.findMany({ where: { roundId: r.id }, orderBy: { position: "asc" } });
    await t.core.breakouts.updateRoom(organiser, event.id, women!.id, {
      name: "Women's room",
      question: "",
      reservedFor: "woman",
    });
    await expect(t.core.breakouts.move(organiser, event.id, r.id, ids[3]!, women!.id, true)).rejects.toThrow(
      /reserved/,
    );
    await t.core.breakouts.autoAssign(organiser, event.id, r.id, { seed: "3" });
    const inWomen = await t.db.roomAssignment.findMany({ where: { roomId: women!.id } });
    expect(inWomen.map((a) => a.userId).sort()).toEqual([ids[0], ids[1]].sort());
  });

  it("grants only room roles from the round screen, never event roles such as organiser", async () => {
    const { event, organiser, ids } = await eventWith(3);
    const r = await t.core.breakouts.createRound(organiser, event.id, round(1));
    await t.core.breakouts.autoAssign(organiser, event.id, r.id, { seed: "1" });
    await expect(
      t.core.breakouts.setRoomRole(organiser, event.id, r.id, ids[0]!, { role: "organiser" }),
    ).rejects.toMatchObject({ code: "validation" });
    expect(await t.db.eventRole.count({ where: { eventId: event.id, userId: ids[0]!, role: "organiser" } })).toBe(0);
    await t.core.breakouts.setRoomRole(organiser, event.id, r.id, ids[0]!, { role: "rapporteur" });
    expect(await t.db.eventRole.count({ where: { eventId: event.id, userId: ids[0]!, role: "rapporteur" } })).toBe(1);
  });

  it("places the team's facilitators and rapporteurs one per room, and says which rooms it could not staff", async () => {
    const { event, organiser } = await eventWith(9);
    // Invited through Team: accepted, never registered.
    const invite = async (role: string, n: number) => {
      const email = `${role}${n}-${Math.random().toString(36).slice(2, 6)}@example.org`;
      await t.core.invitations.invite(organiser, event.id, { email, role, name: `${role} ${n}` }, BASE);
      const token = t.mailer.sent.at(-1)!.text.match(/\/invitations\/([\w-]+)/)![1]!;
      return (await t.core.invitations.accept(null, token)).userId;
    };
    const r = await t.core.breakouts.createRound(organiser, event.id, round(3));
    const nobody = await t.core.breakouts.autoAssign(organiser, event.id, r.id, { seed: "1", staffOnePerRoom: "on" });
    expect(nobody.staff).toMatchObject({ facilitators: 0, rapporteurs: 0, rooms: 3 });
    expect(nobody.staff!.gaps.filter((g) => g.reason === "none")).toHaveLength(6);

    const facilitators = [
      await invite("facilitator", 1),
      await invite("facilitator", 2),
      await invite("facilitator", 3),
    ];
    const rapporteurs = [await invite("rapporteur", 1), await invite("rapporteur", 2)];
    const done = await t.core.breakouts.autoAssign(organiser, event.id, r.id, { seed: "2", staffOnePerRoom: "on" });
    const placed = await t.db.roomAssignment.findMany({ where: { roundId: r.id } });
    const roomOf = (id: string) => placed.find((a) => a.userId === id);
    expect(new Set(facilitators.map((id) => roomOf(id)?.roomId)).size).toBe(3);
    expect(facilitators.every((id) => roomOf(id)?.role === "facilitator")).toBe(true);
    expect(new Set(rapporteurs.map((id) => roomOf(id)?.roomId)).size).toBe(2);
    expect(done.staff!.gaps).toEqual([expect.objectContaining({ role: "rapporteur", reason: "fewer" })]);
    expect(done.unplaced).toBe(0);
    // The room without a rapporteur can get one by hand: staff can be moved like participants.
    const missing = done.staff!.gaps[0]!.roomId;
    await t.core.breakouts.move(organiser, event.id, r.id, rapporteurs[0]!, missing, true);
    expect((await t.db.roomAssignment.findFirstOrThrow({ where: { userId: rapporteurs[0]! } })).role).toBe(
      "rapporteur",
    );
  });

  it("keeps locked people where they were put when re-balancing", async () => {
    const { event, organiser, ids } = await eventWith(8);
    const r = await t.core.breakouts.createRound(organiser, event.id, round(2));
    const [a] = await t.db.room.findMany({ where: { roundId: r.id }, orderBy: { position: "asc" } });
    await t.core.breakouts.move(organiser, event.id, r.id, ids[0]!, a!.id, true);
    for (const seed of ["1", "2", "3"]) {
      await t.core.breakouts.autoAssign(organiser, event.id, r.id, { seed });
      expect(
        (await t.db.roomAssignment.findUniqueOrThrow({ where: { roundId_userId: { roundId: r.id, userId: ids[0]! } } }))
          .roomId,
      ).toBe(a!.id);
    }
  });

  it("lets participants choose a room in self-select rounds, up to its cap", async () => {
    const { event, organiser, ids } = await eventWith(3);
    const r = await t.core.breakouts.createRound(organiser, event.id, round(2, { assignmentMode: "self_select" }));
    const [a, b] = await t.db.room.findMany({ where: { roundId: r.id }, orderBy: { position: "asc" } });
    await t.core.breakouts.updateRoom(organiser, event.id, a!.id, { name: "A", question: "", capacity: "1" });
    await t.core.breakouts.open(organiser, event.id, r.id);
    const first = { userId: ids[0]!, sessionId: "s" };
    expect((await t.core.breakouts.stateFor(first, event.id)).choices).toHaveLength(2);
    expect((await t.core.breakouts.chooseRoom(first, event.id, a!.id)).room!.id).toBe(a!.id);
    await expect(t.core.breakouts.chooseRoom({ userId: ids[1]!, sessionId: "s" }, event.id, a!.id)).rejects.toThrow(
      /A is full/,
    );
    expect((await t.core.breakouts.chooseRoom({ userId: ids[1]!, sessionId: "s" }, event.id, b!.id)).room!.id).toBe(
      b!.id,
    );
  });

  it("extends the timer, broadcasts messages and help requests to the right audiences", async () => {
    const { event, organiser, ids } = await eventWith(4);
    const r = await t.core.breakouts.createRound(organiser, event.id, round(2));
    await t.core.breakouts.open(organiser, event.id, r.id);
    const before = (await t.db.breakoutRound.findUniqueOrThrow({ where: { id: r.id } })).endsAt!;
    const { endsAt } = await t.core.breakouts.extend(organiser, event.id, r.id, { minutes: "5" });
    expect(Date.parse(endsAt) - before.getTime()).toBe(5 * 60_000);
    await t.core.breakouts.message(organiser, event.id, r.id, { message: "Ten minutes left" });
    expect(t.bus.published.at(-1)).toMatchObject({ channel: `event:${event.id}`, event: "round:message" });
    await t.core.breakouts.askHelp({ userId: ids[0]!, sessionId: "s" }, event.id, {
      message: "Interpretation stopped",
    });
    expect(t.bus.published.at(-1)).toMatchObject({ channel: `event-staff:${event.id}`, event: "round:help" });
    const o = await t.core.breakouts.overview(organiser, event.id, r.id);
    expect(o.rooms.flatMap((x) => x.help).map((h) => h.message)).toEqual(["Interpretation stopped"]);
    await t.core.breakouts.resolveHelp(organiser, event.id, o.rooms.flatMap((x) => x.help)[0]!.id);
    expect((await t.core.breakouts.overview(organiser, event.id, r.id)).rooms.flatMap((x) => x.help)).toEqual([]);
  });
});
