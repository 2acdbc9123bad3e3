import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemo } from "../../server/seed/demo";
import { Browser, startTestServer, type TestServer } from "../support/server";
import { docxPart, pdfText } from "../support/documents";

const SLUG = "migrant-women-local-decision-making";
/** Injection strings from the usual corpora; each must come out as text everywhere. */
const CORPUS = [
  `<script>alert("x1")</script>`,
  `<img src=x onerror=alert("x2")>`,
  `"><svg onload=alert("x3")>`,
  `javascript:alert("x4")`,
  `[click](javascript:alert("x5"))`,
  `<a href="javascript:alert('x6')">x6</a>`,
  `=HYPERLINK("http://evil.example/x7","x7")`,
  `+SUM(1,1)*x8`,
  `@x9 -x10`,
];
const EXECUTABLE = [
  /<script>alert\("x1"\)/i,
  /<img[^>]*onerror/i,
  /<svg[^>]*onload/i,
  // An attribute of a real tag: the same words escaped as text (&lt;a href="javascript:…) are inert.
  /<[a-z][^<>]*\shref\s*=\s*["']?\s*javascript:/i,
  /<a href="javascript/i,
];

describe("stored XSS: a corpus of injection strings in every user field is shown as text", () => {
  let t: TestServer;
  const outputs: { what: string; text: string; kind: "html" | "csv" | "md" | "docx" | "pdf" | "json" }[] = [];

  beforeAll(async () => {
    t = await startTestServer("sqlite");
    const { core } = t.server;
    const { db } = t.server;
    await seedDemo(db);
    const id = async (email: string) => ({
      userId: (await db.user.findUniqueOrThrow({ where: { email } })).id,
      sessionId: "s",
    });
    const organiser = await id("organiser@plenary.demo");
    const facilitator = await id("facilitator@plenary.demo");
    const secretariat = await id("secretariat@plenary.demo");
    const event = await db.event.findUniqueOrThrow({ where: { slug: SLUG } });
    const all = CORPUS.join(" ");
    // The event's own texts, a participant's registration, notes, a cluster, an action item, a report section.
    await db.event.update({
      where: { id: event.id },
      data: { description: `${all}\n\n${CORPUS.join("\n\n")}`, venue: CORPUS[1] },
    });
    await db.agendaItem.create({
      data: {
        eventId: event.id,
        kind: "panel",
        title: CORPUS[0]!,
        startsAt: event.startsAt,
        endsAt: event.startsAt,
        position: 99,
        speakers: { create: [{ name: CORPUS[2]!, title: CORPUS[3]!, organisation: CORPUS[6]!, position: 0 }] },
      },
    });
    const reg = await core.registrations.register(
      null,
      event.id,
      {
        name: CORPUS[1],
        email: "xss@corpus.test",
        organisation: CORPUS[6],
        categoryKey: "civil_society",
        city: CORPUS[0],
        country: "TN",
        consentData: "on",
        consentQuote: "on",
        accessibilityNeeds: all,
      },
      t.url,
    );
    expect(reg.status).toBeTruthy();
    const board = await db.board.findFirstOrThrow({ where: { kind: "room" } });
    for (const text of CORPUS)
      await core.boards.apply(facilitator, {
        boardId: board.id,
        opId: randomUUID(),
        op: { type: "note.create", noteId: randomUUID(), category: "barriers", text },
      });
    const notes = await db.note.findMany({ where: { boardId: board.id, text: { in: CORPUS } } });
    await core.boards.apply(facilitator, {
      boardId: board.id,
      opId: randomUUID(),
      op: {
        type: "cluster.create",
        clusterId: randomUUID(),
        label: CORPUS[2]!,
        category: "barriers",
        noteIds: notes.map((n) => n.id),
      },
    });
    await core.actions.create(secretariat, SLUG, { title: CORPUS[0], owner: CORPUS[6], description: all });
    await core.reports.generate(secretariat, SLUG);
    await core.reports.editSection(secretariat, SLUG, {
      key: "resources",
      markdown: `${CORPUS.join("\n\n")}\n\n[x](javascript:alert(1))`,
    });
    await core.reports.transition(secretariat, SLUG, "submit");
    await core.reports.transition(secretariat, SLUG, "approve");
    await core.reports.publish(secretariat, SLUG, {});
    // A correction: its change note is plain text in every format, the Markdown included.
    await core.reports.editSection(secretariat, SLUG, { key: "resources", markdown: "Corrected." });
    await core.reports.transition(secretariat, SLUG, "submit");
    await core.reports.transition(secretariat, SLUG, "approve");
    await core.reports.publish(secretariat, SLUG, { changeNote: `${CORPUS[0]} ${CORPUS[1]} ${CORPUS[5]}` });
    void organiser;

    const staff = new Browser(t.url);
    await staff.signIn("organiser@plenary.demo", DEMO_PASSWORD);
    const grab = async (what: string, p: string, kind: (typeof outputs)[number]["kind"]) => {
      const res = await staff.get(p);
      expect(res.status, p).toBe(200);
      outputs.push({ what, kind, text: Buffer.from(await res.arrayBuffer()).toString("utf8") });
    };
    await grab("event page", `/events/${SLUG}`, "html");
    await grab("participants page", `/events/${SLUG}/manage/participants`, "html");
    await grab("participants CSV", `/events/${SLUG}/manage/participants.csv`, "csv");
    await grab("board page", `/events/${SLUG}/boards/${board.id}`, "html");
    await grab("board CSV", `/events/${SLUG}/boards/${board.id}.csv`, "csv");
    await grab("board Markdown", `/events/${SLUG}/boards/${board.id}.md`, "md");
    await grab("report editor", `/events/${SLUG}/report/edit`, "html");
    await grab("public report", `/events/${SLUG}/report`, "html");
    await grab("report Markdown", `/events/${SLUG}/report/files/md?version=1`, "md");
    await grab("corrected report Markdown", `/events/${SLUG}/report/files/md?version=2`, "md");
    await grab("corrected public report", `/events/${SLUG}/report?version=2`, "html");
    await grab("report CSV", `/events/${SLUG}/report/files/csv?version=1`, "csv");
    await grab("follow-up", `/events/${SLUG}/follow-up`, "html");
    await grab("follow-up CSV", `/events/${SLUG}/follow-up.csv`, "csv");
    await grab("action items", `/events/${SLUG}/actions`, "html");
    const file = async (f: "docx" | "pdf") => {
      const res = await staff.get(`/events/${SLUG}/report/files/${f}?version=1`);
      expect(res.status, `report ${f}`).toBe(200);
      return new Uint8Array(await res.arrayBuffer());
    };
    outputs.push({ what: "report DOCX", kind: "docx", text: await docxPart(await file("docx")) });
    outputs.push({ what: "report PDF", kind: "pdf", text: await pdfText(await file("pdf")) });
  }, 120_000);
  afterAll(() => t.close());

  it("never lets markup run in a page", () => {
    for (const o of outputs.filter((x) => x.kind === "html")) {
      // Remix's own scripts carry a nonce; no other script tag or handler may appear.
      const body = o.text
        .replace(/<script nonce="[^"]+"[^>]*>[\s\S]*?<\/script>/g, "")
        .replace(/<script type="module"[^>]*>[\s\S]*?<\/script>/g, "");
      for (const p of EXECUTABLE) expect(body, `${o.what} ${p}`).not.toMatch(p);
    }
  });

  it("keeps Markdown exports inert and CSV cells from becoming formulas", () => {
    for (const o of outputs.filter((x) => x.kind === "md")) {
      // Escaped (\<script) or entity-encoded (&lt;script) is text; a bare tag is not.
      expect(o.text, o.what).not.toMatch(/(?<!\\)<(script|img|svg|a\s)/i);
      expect(o.text, o.what).not.toMatch(/(?<!\\)\]\(javascript:/i);
    }
    for (const o of outputs.filter((x) => x.kind === "csv")) {
      for (const line of o.text.split(/\r?\n/)) {
        for (const cell of line.split(","))
          expect(cell.replace(/^"/, ""), `${o.what}: ${cell}`).not.toMatch(/^[=+\-@]/);
      }
      expect(o.text, o.what).toContain("'=HYPERLINK");
    }
  });

  it("writes the strings as plain text into the DOCX and the PDF", () => {
    const docx = outputs.find((o) => o.kind === "docx")!.text;
    expect(docx).toContain("&lt;script&gt;alert(&quot;x1&quot;)&lt;/script&gt;");
    expect(docx).not.toContain("<script>");
    expect(outputs.find((o) => o.kind === "pdf")!.text).toContain('<script>alert("x1")</script>');
  });
});
