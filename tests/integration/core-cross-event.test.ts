import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../server/core";
import { seedDemo } from "../../server/seed/demo";
import { testCore } from "../support/core";
import { publishedEvent } from "../support/events";

const SLUG = "migrant-women-local-decision-making";
type Actor = { userId: string; sessionId: string };

/**
 * The organiser of event B, acting in event B (where every permission check
 * passes), names objects of event A: each core method that takes an id must
 * answer "not found" and change nothing in A. The table is complete by
 * construction: every core method whose parameters name an event and an
 * object id must have a row, or the last test fails.
 */
describe("cross-event ids at the core (the organiser of another event)", () => {
  let t: Awaited<ReturnType<typeof testCore>>;
  let b: { eventId: string; slug: string; organiser: Actor };
  const a = {} as Record<
    | "eventId"
    | "roundId"
    | "roomId"
    | "userId"
    | "registrationId"
    | "helpId"
    | "agendaItemId"
    | "categoryId"
    | "questionId"
    | "itemId"
    | "clusterId"
    | "noteId"
    | "resourceId",
    string
  >;

  beforeAll(async () => {
    t = await testCore("sqlite");
    await seedDemo(t.db, t.clock.now());
    const eventA = await t.db.event.findUniqueOrThrow({ where: { slug: SLUG } });
    a.eventId = eventA.id;
    const assignment = await t.db.roomAssignment.findFirstOrThrow({
      where: { round: { eventId: eventA.id }, role: "participant" },
      include: { room: { include: { board: true } } },
    });
    a.roundId = assignment.roundId;
    a.roomId = assignment.roomId;
    a.userId = assignment.userId;
    a.registrationId = (
      await t.db.registration.findUniqueOrThrow({
        where: { eventId_userId: { eventId: eventA.id, userId: assignment.userId } },
      })
    ).id;
    a.helpId = (await t.db.helpRequest.create({ data: { roomId: a.roomId, userId: a.userId, message: "help" } })).id;
    a.agendaItemId = (await t.db.agendaItem.findFirstOrThrow({ where: { eventId: eventA.id } })).id;
    a.categoryId = (await t.db.stakeholderCategory.findFirstOrThrow({ where: { eventId: eventA.id } })).id;
    a.questionId = (
      await t.db.registrationQuestion.create({
        data: { eventId: eventA.id, position: 9, kind: "short_text", label: "A's question", optionsJson: "[]" },
      })
    ).id;
    a.itemId = (await t.db.actionItem.create({ data: { eventId: eventA.id, title: "A's action" } })).id;
    a.clusterId = (
      await t.db.cluster.create({
        data: { boardId: assignment.room.board!.id, label: "A's cluster", category: "barriers", position: 0 },
      })
    ).id;
    a.noteId = (await t.db.note.findFirstOrThrow({ where: { boardId: assignment.room.board!.id } })).id;
    a.resourceId = (
      await t.db.eventResource.create({
        data: { eventId: eventA.id, title: "A's link", url: "https://a.test", position: 0 },
      })
    ).id;
    const other = await publishedEvent(t);
    b = { eventId: other.event.id, slug: other.event.slug, organiser: other.organiser };
  });
  afterAll(() => t.close());

  /** What event A holds that any of the calls could change. */
  const stateOfA = async () =>
    JSON.stringify(
      await Promise.all([
        t.db.roomAssignment.findMany({ where: { round: { eventId: a.eventId } }, orderBy: { id: "asc" } }),
        t.db.breakoutRound.findMany({ where: { eventId: a.eventId }, orderBy: { id: "asc" } }),
        t.db.room.findMany({ where: { round: { eventId: a.eventId } }, orderBy: { id: "asc" } }),
        t.db.registration.findMany({ where: { eventId: a.eventId }, orderBy: { id: "asc" } }),
        t.db.helpRequest.findMany({ where: { room: { round: { eventId: a.eventId } } }, orderBy: { id: "asc" } }),
        t.db.agendaItem.findMany({ where: { eventId: a.eventId }, orderBy: { id: "asc" } }),
        t.db.stakeholderCategory.findMany({ where: { eventId: a.eventId }, orderBy: { id: "asc" } }),
        t.db.registrationQuestion.findMany({ where: { eventId: a.eventId }, orderBy: { id: "asc" } }),
        t.db.actionItem.findMany({ where: { eventId: a.eventId }, orderBy: { id: "asc" } }),
        t.db.eventResource.findMany({ where: { eventId: a.eventId }, orderBy: { id: "asc" } }),
        t.db.eventRole.findMany({ where: { eventId: a.eventId }, orderBy: { id: "asc" } }),
        t.db.auditLog.count({ where: { eventId: b.eventId, action: { not: "event.create" } } }),
      ]),
    );

  const round = (extra: Record<string, unknown>) => ({
    title: "Stolen",
    roomCount: "2",
    durationMinutes: "30",
    questions: "?",
    ...extra,
  });

  /** service.method → the call made by B's organiser in B with A's ids. */
  const CALLS: Record<string, (core: Core) => Promise<unknown>> = {
    "breakouts.updateRoom": (c) =>
      c.breakouts.updateRoom(b.organiser, b.eventId, a.roomId, { name: "Taken", question: "" }),
    "breakouts.autoAssign": (c) => c.breakouts.autoAssign(b.organiser, b.eventId, a.roundId, {}),
    "breakouts.move": (c) => c.breakouts.move(b.organiser, b.eventId, a.roundId, a.userId, null, false),
    "breakouts.setRoomRole": (c) =>
      c.breakouts.setRoomRole(b.organiser, b.eventId, a.roundId, a.userId, { role: "rapporteur" }),
    "breakouts.chooseRoom": (c) => c.breakouts.chooseRoom(b.organiser, b.eventId, a.roomId),
    "breakouts.open": (c) => c.breakouts.open(b.organiser, b.eventId, a.roundId),
    "breakouts.extend": (c) => c.breakouts.extend(b.organiser, b.eventId, a.roundId, { minutes: 5 }),
    "breakouts.message": (c) => c.breakouts.message(b.organiser, b.eventId, a.roundId, { message: "Hi" }),
    "breakouts.close": (c) => c.breakouts.close(b.organiser, b.eventId, a.roundId),
    "breakouts.resolveHelp": (c) => c.breakouts.resolveHelp(b.organiser, b.eventId, a.helpId),
    "breakouts.overview": (c) => c.breakouts.overview(b.organiser, b.eventId, a.roundId),
    "breakouts.enterRoom": (c) => c.breakouts.enterRoom(b.organiser, b.eventId, a.roomId),
    "breakouts.createRound": (c) =>
      c.breakouts.createRound(b.organiser, b.eventId, round({ agendaItemId: a.agendaItemId })),
    "manage.updateAgendaItem": (c) =>
      c.manage.updateAgendaItem(b.organiser, b.eventId, a.agendaItemId, {
        kind: "other",
        title: "Taken",
        startsAt: "2026-12-10T14:00",
        endsAt: "2026-12-10T14:30",
      }),
    "manage.deleteAgendaItem": (c) => c.manage.deleteAgendaItem(b.organiser, b.eventId, a.agendaItemId),
    "manage.renameCategory": (c) => c.manage.renameCategory(b.organiser, b.eventId, a.categoryId, { label: "Taken" }),
    "manage.removeCategory": (c) => c.manage.removeCategory(b.organiser, b.eventId, a.categoryId),
    "manage.removeQuestion": (c) => c.manage.removeQuestion(b.organiser, b.eventId, a.questionId),
    "manage.updateQuestion": (c) =>
      c.manage.updateQuestion(b.organiser, b.eventId, a.questionId, { kind: "short_text", label: "Taken" }),
    "breakouts.setRoundQuestions": (c) =>
      c.breakouts.setRoundQuestions(b.organiser, b.eventId, a.roundId, { questions: "Taken?" }),
    "manage.moveQuestion": (c) => c.manage.moveQuestion(b.organiser, b.eventId, a.questionId, "up"),
    "registrations.decide": (c) =>
      c.registrations.decide(b.organiser, b.eventId, a.registrationId, "reject", "https://plenary.test"),
    "registrations.setCheckIn": (c) => c.registrations.setCheckIn(b.organiser, b.eventId, a.registrationId, true),
    "actions.update": (c) => c.actions.update(b.organiser, b.slug, a.itemId, { title: "Taken", status: "done" }),
    "actions.remove": (c) => c.actions.remove(b.organiser, b.slug, a.itemId),
    "actions.create": (c) => c.actions.create(b.organiser, b.slug, { title: "From A", clusterId: a.clusterId }),
    "actions.create (from a note)": (c) => c.actions.create(b.organiser, b.slug, { title: "From A", noteId: a.noteId }),
    "actions.draftFrom": (c) => c.actions.draftFrom(b.organiser, b.slug, { clusterId: a.clusterId }),
    "reports.removeResource": (c) => c.reports.removeResource(b.organiser, b.slug, a.resourceId),
  };

  it.each(Object.keys(CALLS))("%s: another event's id is not found, and event A is unchanged", async (name) => {
    const before = await stateOfA();
    await expect(CALLS[name]!(t.core)).rejects.toMatchObject({ code: "not_found" });
    expect(await stateOfA()).toBe(before);
  });

  it("has a row for every core method that takes an event and an object id (complete by construction)", () => {
    const missing: string[] = [];
    for (const [service, methods] of Object.entries(t.core)) {
      if (!methods || typeof methods !== "object") continue;
      for (const [method, fn] of Object.entries(methods as Record<string, unknown>)) {
        if (typeof fn !== "function") continue;
        const params = paramNames(fn as (...args: unknown[]) => unknown);
        const scoped = params.some((p) => p === "eventId" || p === "slug");
        const objectIds = params.filter((p) => /Id$/.test(p) && p !== "eventId");
        if (scoped && objectIds.length && !CALLS[`${service}.${method}`]) missing.push(`${service}.${method}`);
      }
    }
    expect(missing, "add these to CALLS: they take an event and an object id").toEqual([]);
  });
});

/** A function's parameter names, from its source (vitest compiles TypeScript without renaming them). */
function paramNames(fn: (...args: unknown[]) => unknown): string[] {
  const src = fn.toString();
  const open = src.indexOf("(");
  let depth = 0;
  let end = open;
  for (let i = open; i < src.length; i++) {
    if (src[i] === "(") depth++;
    else if (src[i] === ")" && --depth === 0) {
      end = i;
      break;
    }
  }
  return src
    .slice(open + 1, end)
    .split(",")
    .map((p) => p.replace(/=.*$/s, "").trim())
    .filter(Boolean);
}
