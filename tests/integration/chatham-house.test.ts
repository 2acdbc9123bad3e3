import { randomUUID } from "node:crypto";
import { io as ioClient } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemo } from "../../server/seed/demo";
import { Browser, startTestServer, type TestServer } from "../support/server";
import { docxPart } from "../support/documents";
import { PROTOCOL_VERSION } from "../../server/core/contract/version";

const SLUG = "migrant-women-local-decision-making";

/**
 * The list of participating organisations a report publishes (by design: who took part, not
 * who said what), cut out of an output so the rest can be checked.
 */
function withoutOrganisationList(what: string, text: string): string {
  if (what.startsWith("report docx"))
    return text.replace(/Participating organisations[\s\S]*?(?=<w:pStyle w:val="Heading1"\/>)/, "");
  if (what.startsWith("report md")) return text.replace(/#### Participating organisations[\s\S]*?(?=\n## )/, "");
  // Pages carry it as HTML, as Markdown in the editor's box, and in the loader's data as escaped JSON strings.
  return text
    .replace(/<h4>Participating organisations<\/h4>[\s\S]*?(?=<\/section>|<h[23])/g, "")
    .replace(/#### Participating organisations[\s\S]*?(?=<\/textarea>|\n## )/g, "")
    .replace(/(\\u003ch4\\u003e|#### )Participating organisations[\s\S]*?(?=(?<!\\)")/g, "");
}

/** Under the Chatham House rule, no output may tie what was said to who said it. */
describe("Chatham House: no author's name or organisation in any output", () => {
  let t: TestServer;
  let forbiddenWords: string[] = [];
  /** Organisations that asked not to be listed: they appear nowhere, not even in the list. */
  let hiddenOrganisations: string[] = [];
  const outputs: { what: string; text: string }[] = [];

  beforeAll(async () => {
    t = await startTestServer("sqlite");
    const { core } = t.server;
    const { db } = t.server;
    await seedDemo(db);
    const event = await db.event.findUniqueOrThrow({ where: { slug: SLUG } });
    expect(event.chathamHouse).toBe(true);
    const id = async (email: string) => ({
      userId: (await db.user.findUniqueOrThrow({ where: { email } })).id,
      sessionId: "s",
    });
    const facilitator = await id("facilitator@plenary.demo");
    const secretariat = await id("secretariat@plenary.demo");
    // Authors of notes who are participants, and what would identify them.
    const notes = await db.note.findMany({
      where: { board: { eventId: event.id } },
      include: {
        author: {
          include: { registrations: { where: { eventId: event.id } }, roles: { where: { eventId: event.id } } },
        },
      },
    });
    const authors = notes
      .map((n) => n.author)
      .filter((a): a is NonNullable<typeof a> => !!a && a.roles.every((r) => r.role === "participant"));
    // Organisers and partners are named on the cover on purpose; that says nothing about who wrote what.
    const organisers = await db.registration.findMany({
      where: { eventId: event.id, user: { roles: { some: { eventId: event.id, role: "organiser" } } } },
    });
    const partners = [...(JSON.parse(event.partnersJson) as string[]), ...organisers.map((r) => r.organisation)];
    forbiddenWords = [
      ...new Set(
        authors
          .flatMap((a) => [a.name, a.registrations[0]?.organisation ?? ""])
          .filter((w) => w.length > 3 && !partners.includes(w)),
      ),
    ];
    expect(forbiddenWords.length).toBeGreaterThan(10);

    const synthesis = await db.board.findFirstOrThrow({ where: { kind: "synthesis" } });
    await core.boards.apply(facilitator, {
      boardId: synthesis.id,
      opId: randomUUID(),
      op: { type: "synthesis.pull", category: "barriers" },
    });
    await core.reports.generate(secretariat, SLUG);
    hiddenOrganisations = [
      ...new Set(
        authors.map((a) => a.registrations[0]?.organisation ?? "").filter((o) => o.length > 3 && !partners.includes(o)),
      ),
    ].slice(0, 4);
    await core.reports.setListedOrganisations(secretariat, SLUG, {
      organisations: hiddenOrganisations,
      listed: [],
    });
    await core.reports.transition(secretariat, SLUG, "submit");
    await core.reports.transition(secretariat, SLUG, "approve");
    await core.reports.publish(secretariat, SLUG, {});
    await core.actions.create(secretariat, SLUG, { title: "Follow up on interpreters", owner: "City of Barcelona" });

    const staff = new Browser(t.url);
    await staff.signIn("facilitator@plenary.demo", DEMO_PASSWORD);
    const participant = new Browser(t.url);
    await participant.signIn("participant@plenary.demo", DEMO_PASSWORD);
    const anonymous = new Browser(t.url);
    const boards = await db.board.findMany({ where: { eventId: event.id } });
    const grab = async (b: Browser, what: string, path: string) => {
      const res = await b.get(path);
      expect(res.status, path).toBe(200);
      outputs.push({ what, text: Buffer.from(await res.arrayBuffer()).toString("utf8") });
    };
    for (const board of boards) {
      await grab(staff, `board page ${board.title}`, `/events/${SLUG}/boards/${board.id}`);
      await grab(staff, `board CSV ${board.title}`, `/events/${SLUG}/boards/${board.id}.csv`);
      await grab(staff, `board Markdown ${board.title}`, `/events/${SLUG}/boards/${board.id}.md`);
    }
    await grab(anonymous, "public report", `/events/${SLUG}/report`);
    for (const f of ["md", "csv"]) await grab(anonymous, `report ${f}`, `/events/${SLUG}/report/files/${f}?version=1`);
    const docx = await core.reports.download(null, SLUG, "docx", 1);
    outputs.push({ what: "report docx", text: await docxPart(docx.bytes) });
    await grab(anonymous, "follow-up page", `/events/${SLUG}/follow-up`);
    await grab(staff, "report editor", `/events/${SLUG}/report/edit`);

    // What a participant's note looks like to everyone else in the room, live.
    const own = await db.roomAssignment.findFirstOrThrow({
      where: { user: { email: "participant@plenary.demo" } },
      include: { room: { include: { board: true } } },
    });
    const watcher = ioClient(t.url, {
      transports: ["websocket"],
      auth: { protocol: PROTOCOL_VERSION },
      extraHeaders: { cookie: staff.cookieHeader },
      reconnection: false,
    });
    const writer = ioClient(t.url, {
      transports: ["websocket"],
      auth: { protocol: PROTOCOL_VERSION },
      extraHeaders: { cookie: participant.cookieHeader },
      reconnection: false,
    });
    const received: unknown[] = [];
    watcher.onAny((event, payload) => received.push({ event, payload }));
    await watcher.emitWithAck("board:join", { boardId: own.room.board!.id });
    await writer.emitWithAck("board:join", { boardId: own.room.board!.id });
    const ack = await writer.emitWithAck("board:op", {
      boardId: own.room.board!.id,
      opId: randomUUID(),
      op: { type: "note.create", noteId: randomUUID(), category: "barriers", text: "Said under the rule" },
    });
    expect(ack).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 300));
    watcher.close();
    writer.close();
    const leila = await db.user.findUniqueOrThrow({
      where: { email: "participant@plenary.demo" },
      include: { registrations: true },
    });
    forbiddenWords.push(leila.registrations[0]!.organisation);
    outputs.push({
      what: "live broadcast of a note",
      text: JSON.stringify(received.filter((r) => (r as { event: string }).event === "board:event")),
    });
    expect(outputs.at(-1)!.text).toContain("Said under the rule");
  }, 90_000);
  afterAll(() => t.close());

  it("checks every output it collected", () => {
    expect(outputs.length).toBeGreaterThan(12);
    const leaks = outputs.flatMap((o) => {
      const rest = withoutOrganisationList(o.what, o.text);
      return [
        ...forbiddenWords.filter((w) => rest.includes(w)).map((w) => `${o.what}: “${w}”`),
        ...hiddenOrganisations.filter((w) => o.text.includes(w)).map((w) => `${o.what} (not to be listed): “${w}”`),
      ];
    });
    expect(leaks).toEqual([]);
    // The list itself is there, and names organisations only.
    const md = outputs.find((o) => o.what === "report md")!.text;
    expect(md).toContain("#### Participating organisations");
  });
});
