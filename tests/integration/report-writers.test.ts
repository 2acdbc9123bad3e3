import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../server/seed/demo";
import { testCore } from "../support/core";
import { startFakeLlm } from "../support/fake-llm";

const SLUG = "migrant-women-local-decision-making";
type Core = Awaited<ReturnType<typeof testCore>>;

/** The report's drafted paragraphs, by section, with the writer of each. */
async function drafted(t: Core, who: { userId: string; sessionId: string }) {
  const view = await t.core.reports.editor(who, SLUG);
  return {
    view,
    text: (k: string) => view.report!.sections.find((s) => s.key === k)!.markdown,
    machine: view.report!.sections.flatMap((s) => s.machine.map((m) => ({ ...m, section: s.key }))),
  };
}

describe("the language model writer, against a local stand-in server", () => {
  let llm: Awaited<ReturnType<typeof startFakeLlm>>;
  let t: Core;
  let secretariat: { userId: string; sessionId: string };
  let noteIds: Set<string>;

  beforeAll(async () => {
    llm = await startFakeLlm();
    t = await testCore("sqlite", {
      reportModel: { url: llm.url, model: "fake-7b", timeoutMs: 1_500, apiKey: "test-key" },
    });
    await seedDemo(t.db, t.clock.now());
    secretariat = {
      userId: (await t.db.user.findUniqueOrThrow({ where: { email: "secretariat@plenary.demo" } })).id,
      sessionId: "s",
    };
    // A note that names its author and her organisation: neither may reach the model.
    const organiser = await t.db.user.findUniqueOrThrow({
      where: { email: "organiser@plenary.demo" },
      include: { registrations: true },
    });
    const board = await t.db.board.findFirstOrThrow({ where: { kind: "room" }, orderBy: { createdAt: "asc" } });
    await t.db.note.create({
      data: {
        id: randomUUID(),
        boardId: board.id,
        authorId: organiser.id,
        category: "barriers",
        text: `As ${organiser.name} of ${organiser.registrations[0]!.organisation} said, interpreters are missing at the front desk`,
      },
    });
    noteIds = new Set((await t.db.note.findMany({ select: { id: true } })).map((n) => n.id));
  });
  afterAll(async () => {
    await t.close();
    await llm.close();
  });

  it("drafts with the model: every sentence cites notes it was given; what cites nothing or an unknown note is dropped", async () => {
    llm.setMode("ok");
    const writer = await t.core.reports.generate(secretariat, SLUG);
    expect(writer).toMatchObject({ writer: "model", model: "fake-7b" });
    expect(writer.fallback).toBeUndefined();
    expect(writer.dropped).toBeGreaterThan(2);
    // The stand-in leaves one theme per request without a paragraph: the offline writer drafts it.
    expect(writer.offlineThemes).toBeGreaterThanOrEqual(1);

    const d = await drafted(t, secretariat);
    expect(d.text("findings")).toContain("Model paragraph on");
    expect(d.text("findings")).not.toMatch(/cites nothing|nobody gave the model|\[n\d+\]/);
    expect(d.text("summary")).toContain("Model summary of who took part. Model summary of what they raised.");
    expect(d.text("takeaways")).toContain("**Model takeaway.** It was raised everywhere.");
    expect(d.text("takeaways")).not.toContain("Ungrounded");
    const writers = new Set(d.machine.filter((m) => m.section === "findings").map((m) => m.writer));
    expect(writers).toEqual(new Set(["model", "offline"]));
    expect(d.view.report!.writer).toMatchObject({ writer: "model", model: "fake-7b" });
    for (const m of d.machine) for (const id of m.cites) expect(noteIds.has(id), `${m.section} cites ${id}`).toBe(true);

    expect(llm.received.length).toBeGreaterThanOrEqual(2);
    for (const r of llm.received) {
      expect(r.path).toBe("/v1/chat/completions");
      expect(r.authorization).toBe("Bearer test-key");
    }
  });

  it("never sends the model a participant's, speaker's or team member's name, nor an organisation", async () => {
    llm.setMode("ok");
    llm.received.length = 0;
    await t.core.reports.generate(secretariat, SLUG);
    const bodies = llm.received
      .map((r) => r.body)
      .join("\n")
      .toLowerCase();
    const event = await t.db.event.findUniqueOrThrow({
      where: { slug: SLUG },
      include: {
        registrations: { include: { user: true } },
        agenda: { include: { speakers: true } },
      },
    });
    const names = [
      ...event.registrations.map((r) => r.user.name),
      ...event.agenda.flatMap((a) => a.speakers.map((s) => s.name)),
    ];
    const organisations = [
      ...event.registrations.map((r) => r.organisation),
      ...event.agenda.flatMap((a) => a.speakers.map((s) => s.organisation)),
    ].filter((o) => o.length > 3);
    expect(names.length).toBeGreaterThan(90);
    for (const w of [...names, ...organisations]) expect(bodies, w).not.toContain(w.toLowerCase());
    // The note that named its author still reached the model, as what it says.
    expect(bodies).toContain("as [name] of [organisation] said, interpreters are missing at the front desk");
  });

  it.each([
    ["slow", "timeout"],
    ["error", "http"],
    ["garbage", "invalid"],
  ] as const)("falls back to the offline writer, with a visible notice, when the model is %s", async (mode, reason) => {
    llm.setMode(mode);
    const writer = await t.core.reports.generate(secretariat, SLUG);
    expect(writer).toMatchObject({ writer: "offline", model: "fake-7b", fallback: { reason } });
    const d = await drafted(t, secretariat);
    expect(d.view.report!.writer).toMatchObject({ writer: "offline", fallback: { reason } });
    expect(d.text("findings")).not.toContain("Model paragraph");
    expect(d.text("findings")).toContain("participants raised this as");
    expect(new Set(d.machine.map((m) => m.writer))).toEqual(new Set(["offline"]));
  });

  it("falls back when the model cannot be reached at all", async () => {
    await llm.close();
    const writer = await t.core.reports.generate(secretariat, SLUG);
    expect(writer).toMatchObject({ writer: "offline", fallback: { reason: "unreachable" } });
  });
});
