import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../server/seed/demo";
import { ENGINES } from "../support/databases";
import { testCore } from "../support/core";

const SLUG = "migrant-women-local-decision-making";
type Who = { userId: string; sessionId: string };

/**
 * A JSON column that does not hold what its codec expects (a hand-edited database, a half-restored
 * backup) reads as the column's empty value: the page, the replay or the export still answers.
 * Before the codecs, each of these was a JSON.parse that threw.
 */
describe.each(ENGINES)("JSON columns edited by hand on %s", (engine) => {
  let t: Awaited<ReturnType<typeof testCore>>;
  const who: Record<string, Who> = {};
  let eventId: string;

  beforeAll(async () => {
    t = await testCore(engine);
    await seedDemo(t.db, t.clock.now());
    for (const role of ["organiser", "facilitator", "secretariat"])
      who[role] = {
        userId: (await t.db.user.findUniqueOrThrow({ where: { email: `${role}@plenary.demo` } })).id,
        sessionId: "s",
      };
    eventId = (await t.db.event.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  });
  afterAll(() => t.close());

  it("replays a board's log past a payload that is not JSON or not of its shape", async () => {
    const ops = await t.db.boardOp.findMany({ orderBy: [{ boardId: "asc" }, { seq: "asc" }], take: 3 });
    const boardId = ops[0]!.boardId;
    const mine = ops.filter((o) => o.boardId === boardId);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    await t.db.boardOp.update({ where: { id: mine[0]!.id }, data: { payloadJson: "{not json" } });
    await t.db.boardOp.update({
      where: { id: mine[1]!.id },
      data: { payloadJson: '{"type": "board.phase", "data": {"phase": "vote", "notes": [null]}}' },
    });
    const { events } = await t.core.boards.sync(who.facilitator!, boardId, 0);
    expect(events.find((e) => e.seq === mine[0]!.seq)?.data).toEqual({});
    expect(events.find((e) => e.seq === mine[1]!.seq)?.data).toEqual({});
  });

  it("reads a room's broken constraint as open to all", async () => {
    const round = await t.db.breakoutRound.findFirstOrThrow({ where: { eventId }, include: { rooms: true } });
    const room = round.rooms.find((r) => r.constraintJson)!;
    await t.db.room.update({ where: { id: room.id }, data: { constraintJson: "{not json" } });
    const view = await t.core.breakouts.overview(who.organiser!, eventId, round.id);
    expect(view.rooms.find((r) => r.id === room.id)?.reservedFor).toBeNull();
  });

  it("shows an event whose languages and translations are broken in its own words", async () => {
    const event = await t.db.event.findUniqueOrThrow({ where: { id: eventId } });
    await t.db.event.update({
      where: { id: eventId },
      data: { languagesJson: '{"en": true}', translationsJson: "{not json", partnersJson: "[1, 2]" },
    });
    const page = await t.core.events.getPage(SLUG, null, "fr");
    expect(page.title).toBe(event.title);
    expect(page.languages).toEqual([]);
    expect(page.partners).toEqual([]);
  });

  it("opens the report editor and a published version whose stored JSON is broken", async () => {
    await t.core.reports.generate(who.secretariat!, SLUG);
    const report = await t.db.report.findUniqueOrThrow({ where: { eventId } });
    await t.db.report.update({ where: { id: report.id }, data: { figuresJson: "{not json", writerJson: "[]" } });
    await t.db.reportSection.updateMany({ where: { reportId: report.id }, data: { machineJson: '[{"text": 1}]' } });
    const editor = (await t.core.reports.editor(who.secretariat!, SLUG)).report!;
    expect(editor.figures).toEqual({ categories: [] });
    expect(editor.writer).toEqual({});
    expect(editor.sections.every((s) => s.machine.length === 0)).toBe(true);

    await t.core.reports.transition(who.secretariat!, SLUG, "submit");
    await t.core.reports.transition(who.secretariat!, SLUG, "approve");
    const { version } = await t.core.reports.publish(who.secretariat!, SLUG, {});
    await t.db.reportVersion.updateMany({ where: { reportId: report.id }, data: { contentJson: "{not json" } });
    const { content } = await t.core.reports.published(SLUG);
    expect(content).toMatchObject({ version, sections: [], actionItems: [], figures: { categories: [] } });
    const md = (await t.core.reports.download(null, SLUG, "md", version)).bytes.toString();
    expect(md).toContain(`Version ${version}`);
  });
});
