import type { LiveState } from "./live-state";
import { audit } from "../audit";
import type { Db } from "../../db/client";
import { channels, type RealtimeBus } from "../bus";
import type { Clock } from "../clock";
import { conflict, forbidden, notFound, unauthenticated } from "../errors";
import { type Actor, allows, requirePermission, rolesOf } from "../permissions";
import { validate } from "../validate";
import { assignRooms, eligible, type Person, reservedOf } from "./assign";
import { roomConstraint, stringList } from "../json-columns";
import { staffGaps } from "./staffing";
import { placeQuestions, questionsOf, roundQuestions } from "./questions";
import {
  assignInput,
  extendInput,
  helpInput,
  messageInput,
  roomInput,
  roomRoleInput,
  roundInput,
  roundQuestionsInput,
} from "./schemas";
import { BOARD_CATEGORIES } from "../boards/category-names";
import { PRESENCE_BEAT_MS, createPresenceBeat } from "../presence";
import { inEvent } from "../scope";
import { liveChannels } from "../visibility";
import { ensureSynthesisBoard } from "../boards/synthesis";
import { liveTranslations } from "./live-languages";

import { msg } from "../i18n/message";

export interface BreakoutDeps {
  db: Db;
  bus: RealtimeBus;
  clock: Clock;
  presenceBeatMs?: number;
}

export function createBreakoutService({ db, bus, clock, presenceBeatMs }: BreakoutDeps) {
  async function loadRound(eventId: string, roundId: string) {
    const round = await inEvent(db, eventId).round(roundId);
    return { ...round, rooms: await db.room.findMany({ where: { roundId: round.id }, orderBy: { position: "asc" } }) };
  }

  /**
   * Confirmed participants and the event's facilitators and rapporteurs (invited
   * through Team, registered or not), as the assignment algorithm sees them.
   */
  async function peopleOf(eventId: string, roundId: string): Promise<Person[]> {
    const [regs, assignments, staff] = await Promise.all([
      db.registration.findMany({
        where: { eventId, status: "confirmed" },
        include: { category: { select: { key: true } } },
      }),
      db.roomAssignment.findMany({ where: { roundId } }),
      staffRoles(eventId),
    ]);
    const byUser = new Map(assignments.map((a) => [a.userId, a]));
    const people: Person[] = regs.map((r) => {
      const a = byUser.get(r.userId);
      return {
        id: r.userId,
        category: r.category?.key ?? "other",
        organisation: r.organisation,
        city: r.city,
        language: r.preferredLanguage,
        gender: r.gender,
        role: (staff.get(r.userId) ?? a?.role ?? "participant") as Person["role"],
        lockedRoom: a?.locked ? a.roomId : null,
      };
    });
    const registered = new Set(regs.map((r) => r.userId));
    for (const [userId, role] of staff) {
      if (registered.has(userId)) continue;
      const a = byUser.get(userId);
      people.push({
        id: userId,
        category: "other",
        organisation: "",
        city: "",
        language: "",
        gender: null,
        role,
        lockedRoom: a?.locked ? a.roomId : null,
        staffOnly: true,
      });
    }
    return people;
  }

  /** The event's facilitators and rapporteurs (a person with both roles facilitates). */
  async function staffRoles(eventId: string) {
    const rows = await db.eventRole.findMany({
      where: { eventId, role: { in: ["facilitator", "rapporteur"] } },
      select: { userId: true, role: true },
    });
    const roles = new Map<string, "facilitator" | "rapporteur">();
    for (const r of rows)
      if (r.role === "facilitator" || !roles.has(r.userId)) roles.set(r.userId, r.role as "facilitator");
    return roles;
  }

  const loadRunning = (eventId: string) =>
    db.breakoutRound.findFirst({
      where: { eventId, status: "running" },
      include: {
        rooms: { orderBy: { position: "asc" }, include: { board: { select: { id: true } } } },
        event: { select: { languagesJson: true } },
      },
    });
  type Running = NonNullable<Awaited<ReturnType<typeof loadRunning>>>;

  /** One person's screen, from data already loaded (so a whole round's screens cost a few queries). */
  function view(
    round: Running | null,
    assignment: { roomId: string; role: string } | null,
    counts: Map<string, number> | null,
  ): LiveState {
    const serverNow = clock.now().toISOString();
    if (!round) return { serverNow, round: null, room: null, choices: null };
    const roundView = {
      id: round.id,
      title: round.title,
      status: round.status,
      endsAt: round.endsAt?.toISOString() ?? null,
    };
    const languages = stringList.read(round.event.languagesJson);
    const texts = (rooms: Running["rooms"]) => ({ languages, translated: liveTranslations(languages, round, rooms) });
    if (!assignment) {
      if (round.assignmentMode !== "self_select" || !counts)
        return { serverNow, round: roundView, room: null, choices: null, ...texts([]) };
      return {
        serverNow,
        ...texts(round.rooms),
        round: roundView,
        room: null,
        choices: round.rooms.map((r) => {
          const count = counts.get(r.id) ?? 0;
          return {
            id: r.id,
            name: r.name,
            questions: questionsOf(round.questionsJson, r.question),
            count,
            full: r.capacity !== null && count >= r.capacity,
          };
        }),
      };
    }
    const room = round.rooms.find((r) => r.id === assignment.roomId)!;
    return {
      serverNow,
      ...texts([room]),
      round: roundView,
      choices: null,
      room: {
        id: room.id,
        name: room.name,
        questions: questionsOf(round.questionsJson, room.question),
        meetingUrl: room.meetingUrl,
        boardId: room.board?.id ?? null,
        role: assignment.role,
      },
    };
  }

  async function roomCounts(roundId: string) {
    const counts = await db.roomAssignment.groupBy({ by: ["roomId"], where: { roundId }, _count: true });
    return new Map(counts.map((c) => [c.roomId, c._count]));
  }

  async function stateFor(userId: string, eventId: string): Promise<LiveState> {
    const round = await loadRunning(eventId);
    if (!round) return view(null, null, null);
    let assignment = await db.roomAssignment.findUnique({ where: { roundId_userId: { roundId: round.id, userId } } });
    // Late joiners are placed at once; organisers oversee all rooms rather than sit in one.
    if (
      !assignment &&
      round.assignmentMode !== "self_select" &&
      !(await rolesOf(db, eventId, userId)).includes("organiser")
    ) {
      assignment = await placeLateJoiner(eventId, round.id, userId);
    }
    return view(
      round,
      assignment,
      !assignment && round.assignmentMode === "self_select" ? await roomCounts(round.id) : null,
    );
  }

  /**
   * Someone confirmed who arrives while a round runs goes to the room where
   * their stakeholder category is rarest (then the smallest), if they may sit there.
   */
  async function placeLateJoiner(eventId: string, roundId: string, userId: string) {
    const reg = await db.registration.findUnique({
      where: { eventId_userId: { eventId, userId } },
      include: { category: true },
    });
    if (!reg || reg.status !== "confirmed") return null;
    const rooms = await db.room.findMany({
      where: { roundId },
      include: {
        assignments: {
          include: { user: { include: { registrations: { where: { eventId }, select: { categoryId: true } } } } },
        },
      },
    });
    const me: Person = {
      id: userId,
      category: reg.category?.key ?? "other",
      organisation: reg.organisation,
      city: reg.city,
      language: reg.preferredLanguage,
      gender: reg.gender,
      role: "participant",
    };
    const candidates = rooms
      .filter(
        (r) =>
          eligible(me, { id: r.id, gender: reservedOf(r.constraintJson) }) &&
          (r.capacity === null || r.assignments.length < r.capacity),
      )
      .map((r) => ({
        r,
        same: r.assignments.filter((a) => a.user.registrations[0]?.categoryId === reg.categoryId).length,
        size: r.assignments.length,
      }))
      .sort((a, b) => a.same - b.same || a.size - b.size || a.r.position - b.r.position);
    const chosen = candidates[0];
    if (!chosen) return null;
    try {
      return await db.roomAssignment.create({ data: { roundId, roomId: chosen.r.id, userId } });
    } catch {
      return db.roomAssignment.findUnique({ where: { roundId_userId: { roundId, userId } } });
    }
  }

  /**
   * Tells everyone in a round, and everyone else taking part, where they are
   * now. Loads the round and its assignments once; only people without a room
   * in an assigned round go through the late-joiner path.
   */
  async function pushStates(eventId: string, roundId: string) {
    const round = await loadRunning(eventId);
    const [assigned, everyone] = await Promise.all([
      db.roomAssignment.findMany({ where: { roundId }, select: { userId: true, roomId: true, role: true } }),
      db.eventRole.findMany({ where: { eventId }, select: { userId: true }, distinct: ["userId"] }),
    ]);
    const byUser = new Map(assigned.map((a) => [a.userId, a]));
    const counts = round?.assignmentMode === "self_select" ? await roomCounts(round.id) : null;
    const ids = new Set([...byUser.keys(), ...everyone.map((e) => e.userId)]);
    for (const userId of ids) {
      const a = round?.id === roundId ? (byUser.get(userId) ?? null) : null;
      const state =
        round && !a && round.assignmentMode !== "self_select"
          ? await stateFor(userId, eventId)
          : view(round, a, counts);
      bus.publish(channels.user(userId), "live:state", state);
    }
  }

  async function requireTakingPart(actor: Actor, eventId: string) {
    if (!actor) throw unauthenticated();
    const roles = await rolesOf(db, eventId, actor.userId);
    if (roles.length === 0) throw forbidden(msg("access.notTakingPart"));
    return { userId: actor.userId, roles };
  }

  /** Who has a room's live page open, announced on the presence beat to the room and the event's staff. */
  const roomPresence = createPresenceBeat(presenceBeatMs ?? PRESENCE_BEAT_MS, async (roomId) => {
    const room = await db.room.findUnique({ where: { id: roomId }, select: { round: { select: { eventId: true } } } });
    if (!room) return;
    const people = await bus.members(channels.room(roomId));
    bus.publish(channels.room(roomId), "room:presence", { roomId, people });
    bus.publish(channels.staff(room.round.eventId), "room:presence", { roomId, people }, [channels.room(roomId)]);
  });

  return {
    stateFor: async (actor: Actor, eventId: string) => {
      const me = await requireTakingPart(actor, eventId);
      return stateFor(me.userId, eventId);
    },

    /** A connection following the live session: the person's screen, and the channels the policy lets it join. */
    async joinLive(actor: Actor, eventId: string) {
      const me = await requireTakingPart(actor, eventId);
      const staff = allows(me.roles, "event.view_participants") || allows(me.roles, "breakout.manage");
      return { state: await stateFor(me.userId, eventId), channels: liveChannels(eventId, staff) };
    },

    async listRounds(actor: Actor, eventId: string) {
      await requirePermission(db, actor, eventId, "breakout.manage");
      return db.breakoutRound.findMany({
        where: { eventId },
        orderBy: { createdAt: "asc" },
        include: { rooms: { orderBy: { position: "asc" } }, _count: { select: { assignments: true } } },
      });
    },

    async createRound(actor: Actor, eventId: string, input: unknown) {
      await requirePermission(db, actor, eventId, "breakout.manage");
      const data = validate(roundInput, input);
      if (data.agendaItemId) await inEvent(db, eventId).agendaItem(data.agendaItemId);
      const count = data.roomCount!;
      const categories = data.categories.length ? data.categories.map((c) => c.toLowerCase()) : [...BOARD_CATEGORIES];
      const questions = placeQuestions(data.questions, data.questionsFor, count);
      return db.$transaction(async (tx) => {
        const round = await tx.breakoutRound.create({
          data: {
            eventId,
            title: data.title,
            agendaItemId: data.agendaItemId ?? null,
            durationMinutes: data.durationMinutes!,
            assignmentMode: data.assignmentMode,
            categoriesJson: stringList.write(categories),
            questionsJson: stringList.write(questions.round),
          },
        });
        for (let i = 0; i < count; i++) {
          const name =
            data.roomNames[i] ?? `Room ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ""}`;
          const room = await tx.room.create({
            data: { roundId: round.id, name, position: i, question: questions.rooms[i]! },
          });
          await tx.board.create({
            data: { eventId, roomId: room.id, kind: "room", title: name, categoriesJson: stringList.write(categories) },
          });
        }
        // Every event with breakouts has a plenary synthesis board to gather the rooms' notes on.
        await ensureSynthesisBoard(tx, eventId, categories);
        return round;
      });
    },

    /** The questions every room of the round discusses (each room may add its own). */
    async setRoundQuestions(actor: Actor, eventId: string, roundId: string, input: unknown) {
      await requirePermission(db, actor, eventId, "breakout.manage");
      const { questions } = validate(roundQuestionsInput, input);
      await loadRound(eventId, roundId);
      await db.breakoutRound.update({ where: { id: roundId }, data: { questionsJson: stringList.write(questions) } });
    },

    /**
     * A room's guiding questions, for its board's page. Callers show them only
     * after the board's own access check let the viewer in (guiding questions
     * are what everyone in the round is asked, nothing private).
     */
    async questionsOfRoom(roomId: string) {
      const room = await db.room.findUnique({
        where: { id: roomId },
        select: { question: true, round: { select: { questionsJson: true } } },
      });
      return room ? questionsOf(room.round.questionsJson, room.question) : [];
    },

    async updateRoom(actor: Actor, eventId: string, roomId: string, input: unknown) {
      await requirePermission(db, actor, eventId, "breakout.manage");
      const data = validate(roomInput, input);
      await inEvent(db, eventId).room(roomId);
      await db.room.update({
        where: { id: roomId },
        data: {
          name: data.name,
          question: data.question,
          meetingUrl: data.meetingUrl ?? null,
          capacity: data.capacity,
          constraintJson: data.reservedFor ? roomConstraint.write({ gender: data.reservedFor }) : null,
        },
      });
      await db.board.updateMany({ where: { roomId }, data: { title: data.name } });
    },

    /** Balanced automatic assignment of everyone not locked in place. */
    async autoAssign(actor: Actor, eventId: string, roundId: string, input: unknown) {
      await requirePermission(db, actor, eventId, "breakout.manage");
      const opts = validate(assignInput, input ?? {});
      const round = await loadRound(eventId, roundId);
      const people = await peopleOf(eventId, roundId);
      if (!people.some((p) => !p.staffOnly)) throw conflict(msg("breakouts.nobodyToAssign"));
      const taking = people.filter((p) => !p.staffOnly).length;
      if (round.rooms.length > taking)
        throw conflict(msg("breakouts.moreRoomsThanPeople", { rooms: round.rooms.length, people: taking }));
      const seed = opts.seed ?? Math.floor(Math.random() * 2 ** 31);
      const result = assignRooms(
        people,
        round.rooms.map((r) => ({ id: r.id, gender: reservedOf(r.constraintJson) })),
        {
          seed,
          byLanguage: opts.balanceBy === "language",
          splitCity: opts.splitCity,
          staffOnePerRoom: opts.staffOnePerRoom,
        },
      );
      const roleOf = new Map(people.map((p) => [p.id, p.role]));
      const lockedIds = new Set(people.filter((p) => p.lockedRoom).map((p) => p.id));
      await db.$transaction([
        db.roomAssignment.deleteMany({ where: { roundId, locked: false } }),
        db.roomAssignment.createMany({
          data: [...result.rooms].flatMap(([roomId, ids]) =>
            ids
              .filter((id) => !lockedIds.has(id))
              .map((userId) => ({ roundId, roomId, userId, role: roleOf.get(userId) ?? "participant" })),
          ),
        }),
        db.breakoutRound.update({ where: { id: roundId }, data: { seed } }),
        ...[...result.roomLanguage].map(([roomId, language]) =>
          db.room.update({ where: { id: roomId }, data: { language } }),
        ),
      ]);
      // Whole rooms changed hands: every board decision in the event is made again.
      bus.accessChanged({ eventId });
      if (round.status === "running") await pushStates(eventId, roundId);
      return {
        seed,
        unplaced: result.unplaced.filter((id) => !people.find((p) => p.id === id)?.staffOnly).length,
        staff: opts.staffOnePerRoom ? staffGaps(people, round.rooms, result.rooms) : null,
      };
    },

    /** Manual placement (a select or drag in the UI), optionally locked against re-balancing. */
    async move(actor: Actor, eventId: string, roundId: string, userId: string, roomId: string | null, locked: boolean) {
      await requirePermission(db, actor, eventId, "breakout.manage");
      const round = await loadRound(eventId, roundId);
      if (!roomId) {
        await db.roomAssignment.deleteMany({ where: { roundId, userId } });
      } else {
        const room = round.rooms.find((r) => r.id === roomId);
        if (!room) throw notFound("room");
        const reg = await db.registration.findUnique({ where: { eventId_userId: { eventId, userId } } });
        const staff = (await staffRoles(eventId)).get(userId);
        if (!staff && (!reg || reg.status !== "confirmed")) throw conflict(msg("breakouts.notPlaceable"));
        const reserved = reservedOf(room.constraintJson);
        if (reserved && !eligible({ gender: reg?.gender ?? null } as Person, { id: room.id, gender: reserved })) {
          throw conflict(msg("breakouts.reservedTo", { room: room.name, group: reserved }));
        }
        await db.roomAssignment.upsert({
          where: { roundId_userId: { roundId, userId } },
          create: { roundId, roomId, userId, locked, role: staff ?? "participant" },
          update: { roomId, locked },
        });
      }
      bus.accessChanged({ eventId, userId });
      if (round.status === "running") bus.publish(channels.user(userId), "live:state", await stateFor(userId, eventId));
    },

    /** Facilitator and rapporteur of a room, chosen from people placed in it. */
    async setRoomRole(actor: Actor, eventId: string, roundId: string, userId: string, input: unknown) {
      const me = await requirePermission(db, actor, eventId, "breakout.manage");
      const { role } = validate(roomRoleInput, input);
      // The round is looked up in this event: an id of another event's round is not found (and changes nothing).
      await inEvent(db, eventId).round(roundId);
      const a = await db.roomAssignment.findUnique({ where: { roundId_userId: { roundId, userId } } });
      if (!a) throw notFound("roomAssignment");
      await db.roomAssignment.update({
        where: { id: a.id },
        data: { role, locked: role !== "participant" ? true : a.locked },
      });
      bus.accessChanged({ eventId, userId });
      await audit(db, {
        eventId,
        actorId: me.userId,
        action: "role.room",
        details: { userId, roundId, from: a.role, to: role },
      });
      if (role !== "participant") {
        await db.eventRole.upsert({
          where: { eventId_userId_role: { eventId, userId, role } },
          create: { eventId, userId, role },
          update: {},
        });
        // Their open pages join again and gain what the new role may follow.
        bus.publish(channels.user(userId), "session:rescope", { eventId });
      }
    },

    /** Self-select rounds: a participant picks a room, up to its cap. */
    async chooseRoom(actor: Actor, eventId: string, roomId: string) {
      if (!actor) throw unauthenticated();
      const found = await inEvent(db, eventId).room(roomId);
      const room = { ...found, round: await db.breakoutRound.findUniqueOrThrow({ where: { id: found.roundId } }) };
      if (room.round.assignmentMode !== "self_select") throw forbidden(msg("breakouts.assignedByOrganisers"));
      const reg = await db.registration.findUnique({ where: { eventId_userId: { eventId, userId: actor.userId } } });
      if (!reg || reg.status !== "confirmed") throw forbidden(msg("breakouts.confirmedOnly"));
      if (!eligible({ gender: reg.gender } as Person, { id: room.id, gender: reservedOf(room.constraintJson) }))
        throw forbidden(msg("breakouts.reserved", { room: room.name }));
      await db.$transaction(async (tx) => {
        await tx.roomAssignment.deleteMany({ where: { roundId: room.roundId, userId: actor.userId } });
        if (room.capacity !== null && (await tx.roomAssignment.count({ where: { roomId } })) >= room.capacity)
          throw conflict(msg("breakouts.full", { room: room.name }));
        await tx.roomAssignment.create({ data: { roundId: room.roundId, roomId, userId: actor.userId } });
      });
      bus.accessChanged({ eventId, userId: actor.userId });
      return stateFor(actor.userId, eventId);
    },

    /** Opens a round: every connected participant's screen moves to their room. */
    async open(actor: Actor, eventId: string, roundId: string) {
      await requirePermission(db, actor, eventId, "breakout.manage");
      const round = await loadRound(eventId, roundId);
      const running = await db.breakoutRound.findFirst({ where: { eventId, status: "running", id: { not: roundId } } });
      if (running) throw conflict(msg("breakouts.stillRunning", { round: running.title }));
      if (round.status === "running") return;
      const people = await db.registration.count({ where: { eventId, status: "confirmed" } });
      if (people === 0) throw conflict(msg("breakouts.nobodyToSend"));
      if (round.rooms.length > people)
        throw conflict(msg("breakouts.moreRoomsThanConfirmed", { rooms: round.rooms.length, people }));
      if (round.assignmentMode === "auto" && (await db.roomAssignment.count({ where: { roundId } })) === 0)
        await this.autoAssign(actor, eventId, roundId, { staffOnePerRoom: true });
      const now = clock.now();
      await db.breakoutRound.update({
        where: { id: roundId },
        data: {
          status: "running",
          openedAt: now,
          endsAt: new Date(now.getTime() + round.durationMinutes * 60_000),
          closedAt: null,
        },
      });
      await pushStates(eventId, roundId);
      bus.publish(channels.staff(eventId), "round:changed", { roundId });
    },

    async extend(actor: Actor, eventId: string, roundId: string, input: unknown) {
      await requirePermission(db, actor, eventId, "breakout.manage");
      const { minutes } = validate(extendInput, input);
      const round = await loadRound(eventId, roundId);
      if (round.status !== "running" || !round.endsAt) throw conflict(msg("breakouts.extendRunningOnly"));
      const endsAt = new Date(Math.max(round.endsAt.getTime(), clock.now().getTime()) + minutes! * 60_000);
      await db.breakoutRound.update({ where: { id: roundId }, data: { endsAt } });
      bus.publish(channels.event(eventId), "round:timer", {
        roundId,
        endsAt: endsAt.toISOString(),
        serverNow: clock.now().toISOString(),
      });
      bus.publish(channels.staff(eventId), "round:changed", { roundId });
      return { endsAt: endsAt.toISOString() };
    },

    async message(actor: Actor, eventId: string, roundId: string, input: unknown) {
      const user = await requirePermission(db, actor, eventId, "breakout.manage");
      const { message } = validate(messageInput, input);
      await loadRound(eventId, roundId);
      const row = await audit(db, {
        eventId,
        actorId: user.userId,
        action: "round.message",
        details: { roundId, message },
      });
      const payload = { id: row.id, message, createdAt: row.createdAt.toISOString() };
      bus.publish(channels.event(eventId), "round:message", payload);
      return payload;
    },

    /** Closes a round and brings everyone back to the plenary view. */
    async close(actor: Actor, eventId: string, roundId: string) {
      await requirePermission(db, actor, eventId, "breakout.manage");
      const round = await loadRound(eventId, roundId);
      if (round.status !== "running") throw conflict(msg("breakouts.notRunning"));
      await db.breakoutRound.update({ where: { id: roundId }, data: { status: "closed", closedAt: clock.now() } });
      bus.publish(channels.event(eventId), "round:closed", { roundId });
      await pushStates(eventId, roundId);
      bus.publish(channels.staff(eventId), "round:changed", { roundId });
    },

    async askHelp(actor: Actor, eventId: string, input: unknown) {
      const me = await requireTakingPart(actor, eventId);
      const { message } = validate(helpInput, input ?? {});
      const state = await stateFor(me.userId, eventId);
      if (!state.room) throw conflict(msg("breakouts.helpFromRoom"));
      const open = await db.helpRequest.findFirst({
        where: { roomId: state.room.id, userId: me.userId, resolvedAt: null },
      });
      const req =
        open ?? (await db.helpRequest.create({ data: { roomId: state.room.id, userId: me.userId, message } }));
      bus.publish(channels.staff(eventId), "round:help", {
        id: req.id,
        roomId: state.room.id,
        roomName: state.room.name,
      });
      return { id: req.id };
    },

    async resolveHelp(actor: Actor, eventId: string, helpId: string) {
      await requirePermission(db, actor, eventId, "breakout.manage");
      const help = await inEvent(db, eventId).helpRequest(helpId);
      await db.helpRequest.updateMany({ where: { id: help.id, resolvedAt: null }, data: { resolvedAt: clock.now() } });
      bus.publish(channels.staff(eventId), "round:changed", {});
    },

    /** All rooms at a glance, for organisers and facilitators. */
    async overview(actor: Actor, eventId: string, roundId: string) {
      await requirePermission(db, actor, eventId, "breakout.manage");
      await inEvent(db, eventId).round(roundId);
      const round = await db.breakoutRound.findUnique({
        where: { id: roundId },
        include: {
          rooms: {
            orderBy: { position: "asc" },
            include: {
              assignments: { include: { user: { select: { id: true, name: true } } } },
              board: { select: { id: true, _count: { select: { notes: true } } } },
              helpRequests: {
                where: { resolvedAt: null },
                include: { user: { select: { name: true } } },
                orderBy: { createdAt: "asc" },
              },
            },
          },
        },
      });
      if (!round) throw notFound("round");
      const regs = await db.registration.findMany({
        where: { eventId, status: "confirmed" },
        include: { user: { select: { id: true, name: true } }, category: true },
      });
      const assigned = new Set(round.rooms.flatMap((r) => r.assignments.map((a) => a.userId)));
      // Team members who did not register still need a room: they are listed to be placed by hand.
      const staff = await staffRoles(eventId);
      const registered = new Set(regs.map((r) => r.userId));
      const unassignedStaff = await db.user.findMany({
        where: { id: { in: [...staff.keys()].filter((id) => !assigned.has(id) && !registered.has(id)) } },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      });
      const catOf = new Map(regs.map((r) => [r.userId, r.category?.label ?? ""]));
      const rooms = await Promise.all(
        round.rooms.map(async (r) => {
          const present = await bus.members(channels.room(r.id));
          return {
            id: r.id,
            name: r.name,
            question: r.question,
            questions: questionsOf(round.questionsJson, r.question),
            meetingUrl: r.meetingUrl,
            reservedFor: reservedOf(r.constraintJson),
            language: r.language,
            capacity: r.capacity,
            notes: r.board?._count.notes ?? 0,
            present: present.length,
            members: r.assignments
              .map((a) => ({
                userId: a.userId,
                name: a.user.name,
                role: a.role,
                locked: a.locked,
                category: catOf.get(a.userId) ?? "",
                online: present.some((p) => p.userId === a.userId),
              }))
              .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === "participant" ? 1 : -1)),
            help: r.helpRequests.map((h) => ({
              id: h.id,
              name: h.user.name,
              message: h.message,
              createdAt: h.createdAt.toISOString(),
            })),
          };
        }),
      );
      return {
        round: {
          id: round.id,
          title: round.title,
          status: round.status,
          durationMinutes: round.durationMinutes,
          assignmentMode: round.assignmentMode,
          questions: roundQuestions(round.questionsJson),
          seed: round.seed,
          endsAt: round.endsAt?.toISOString() ?? null,
        },
        serverNow: clock.now().toISOString(),
        rooms,
        unassigned: [
          ...regs
            .filter((r) => !assigned.has(r.userId))
            .map((r) => ({ userId: r.userId, name: r.user.name, category: r.category?.label ?? "", role: null })),
          ...unassignedStaff.map((u) => ({ userId: u.id, name: u.name, category: "", role: staff.get(u.id)! })),
        ],
      };
    },

    /**
     * Entering a room's live channel: one's own room while the round runs, any
     * room for those who run rounds. A room of another event is not found.
     */
    async enterRoom(actor: Actor, eventId: string, roomId: string) {
      if (!actor) throw unauthenticated();
      const room = await inEvent(db, eventId).room(roomId);
      const round = await db.breakoutRound.findUniqueOrThrow({ where: { id: room.roundId } });
      const roles = await rolesOf(db, eventId, actor.userId);
      if (!allows(roles, "breakout.manage")) {
        const a = await db.roomAssignment.findUnique({
          where: { roundId_userId: { roundId: room.roundId, userId: actor.userId } },
        });
        if (round.status !== "running" || a?.roomId !== roomId) throw forbidden(msg("breakouts.notYourRoom"));
      }
      return { channels: [channels.room(roomId)], people: await bus.members(channels.room(roomId)) };
    },

    /** Someone's live page entered or left a room: announced on the presence beat. */
    roomPresenceChanged: (roomId: string) => roomPresence.changed(roomId),

    async presence(roomId: string) {
      return bus.members(channels.room(roomId));
    },
  };
}

export type BreakoutService = ReturnType<typeof createBreakoutService>;
