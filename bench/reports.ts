// Reports: the demo event and a large one (1,000 participants, 2,000 notes): draft, PDF and DOCX,
// each beside a baseline measured in the same run (loading the same rows; Chromium printing an
// empty page; a one-paragraph DOCX). Then the writing itself, per writer: words of findings and
// takeaways, share of notes represented in a finding, share of drafted sentences with a valid
// citation, and time. The model path runs against the tests' local stand-in server: this machine
// has no language model, so it measures the pipeline (prompting, parsing, grounding), not a model.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Document, Packer, Paragraph } from "docx";
import { createCore } from "../server/core";
import { MemoryBus } from "../server/core/bus";
import { createLogger } from "../server/core/logger";
import { MemoryMailer } from "../server/core/mail/mailer";
import { createClusteringEngine } from "../server/core/clustering/engine";
import { generateReport } from "../server/core/reports/generate";
import { htmlToPdf } from "../server/core/reports/pdf";
import type { ModelConfig } from "../server/core/reports/writing/config";
import { startFakeLlm } from "../tests/support/fake-llm";
import { createDb, type Db } from "../server/db/client";
import { migrate } from "../server/db/migrate";
import { resolveDatabase } from "../server/db/resolve-database";
import { seedDemo } from "../server/seed/demo";

const time = async <T>(fn: () => Promise<T>) => {
  const t0 = performance.now();
  const value = await fn();
  return { ms: Math.round(performance.now() - t0), value };
};

/** A large event: 1,000 confirmed participants over 8 categories, 10 rooms, 2,000 notes from the dev set's phrasing. */
export async function seedLarge(db: Db) {
  const now = new Date();
  const event = await db.event.create({
    data: {
      slug: "large-event",
      title: "Large dialogue",
      timezone: "Europe/Madrid",
      startsAt: now,
      endsAt: new Date(now.getTime() + 4 * 3600_000),
      chathamHouse: true,
      description: "A large **bench** event.",
    },
  });
  const cats = await Promise.all(
    [
      "local_government",
      "national_government",
      "international_org",
      "civil_society",
      "migrant_led",
      "academia",
      "city_network",
      "private_sector",
    ].map((key, position) =>
      db.stakeholderCategory.create({ data: { eventId: event.id, key, label: key.replace("_", " "), position } }),
    ),
  );
  const users = Array.from({ length: 1000 }, (_, i) => ({
    id: `large-u${i}`,
    email: `large${i}@bench.test`,
    name: `Person ${i}`,
    passwordHash: "x",
  }));
  await db.user.createMany({ data: users });
  await db.registration.createMany({
    data: users.map((u, i) => ({
      eventId: event.id,
      userId: u.id,
      status: "confirmed",
      organisation: `Org ${i % 400}`,
      categoryId: cats[i % cats.length]!.id,
      city: `City ${i % 60}`,
      country: ["ES", "FR", "TN", "JO", "BR", "SN"][i % 6]!,
      consentData: true,
      consentQuote: i % 3 !== 0,
      checkedInAt: i % 5 ? now : null,
    })),
  });
  const round = await db.breakoutRound.create({ data: { eventId: event.id, title: "Round", durationMinutes: 60 } });
  const dev = JSON.parse(
    readFileSync(new URL("../../shared/fixtures/clustering-dev.json", import.meta.url), "utf8"),
  ) as { boards: { notes: { text: string }[] }[] };
  const texts = dev.boards.flatMap((b) => b.notes.map((n) => n.text));
  const categories = ["challenges", "barriers", "opportunities", "actions"];
  let k = 0;
  for (let r = 0; r < 10; r++) {
    const room = await db.room.create({
      data: { roundId: round.id, name: `Room ${r + 1}`, position: r, question: `Question ${r + 1}` },
    });
    const board = await db.board.create({
      data: { eventId: event.id, roomId: room.id, kind: "room", title: room.name, phase: "discuss" },
    });
    await db.note.createMany({
      data: Array.from({ length: 200 }, (_, i) => ({
        id: `large-n${k++}`,
        boardId: board.id,
        authorId: users[(r * 200 + i) % 1000]!.id,
        category: categories[i % 4]!,
        text: `${texts[(r * 7 + i) % texts.length]} (${i})`,
      })),
    });
  }
  return event.slug;
}

/** Words a reader reads: Markdown markup, quotes' attributions and table rules aside. */
const words = (markdown: string) =>
  markdown
    .replace(/^#+ .*$/gm, "")
    .replace(/[*_>|`#-]/g, " ")
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w)).length;

/** One generation with one writer: what it wrote and how long it took. */
async function writing(db: Db, eventId: string, model: ModelConfig | null) {
  const engine = createClusteringEngine();
  const t0 = performance.now();
  const g = await generateReport(db, eventId, "en", engine, model);
  const ms = Math.round(performance.now() - t0);
  const text = (key: string) => g.sections.find((s) => s.key === key)!.markdown;
  const drafted = g.writer.kept + g.writer.dropped;
  return {
    writer: model
      ? `model (stand-in)${g.writer.fallback ? `, fell back: ${g.writer.fallback.reason}` : ""}`
      : "offline",
    draft_ms: ms,
    writer_ms: g.writer.ms,
    themes: g.stats.themes,
    findings_words: words(text("findings")),
    takeaways_words: words(text("takeaways")),
    notes_in_a_finding: `${Math.round((100 * g.stats.notesCited) / Math.max(1, g.stats.notes))}%`,
    sentences_cited: `${Math.round((100 * g.writer.kept) / Math.max(1, drafted))}%`,
    dropped: g.writer.dropped,
  };
}

export async function benchReports(_o: { quick: boolean }) {
  const dir = mkdtempSync(path.join(tmpdir(), "plenary-bench-reports-"));
  const target = resolveDatabase(`file:${path.join(dir, "reports.db")}`);
  await migrate(target);
  const db = createDb(target);
  const core = createCore({
    db,
    bus: new MemoryBus(),
    mailer: new MemoryMailer(),
    log: createLogger({}, true),
    secret: "bench-secret-bench-secret-bench-0000",
  });
  try {
    const { eventSlug: demo } = await seedDemo(db);
    const large = await seedLarge(db);
    const emptyPdf = await time(() => htmlToPdf("<!doctype html><p>.</p>", "baseline"));
    const tinyDocx = await time(() =>
      Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("baseline")] }] })),
    );
    const rows = [];
    for (const [name, slug] of [
      ["demo event", demo],
      ["large event (1,000 participants, 2,000 notes)", large],
    ] as const) {
      const eventId = (await db.event.findUniqueOrThrow({ where: { slug } })).id;
      const loadOnly = await time(() =>
        Promise.all([
          db.registration.findMany({ where: { eventId } }),
          db.note.findMany({ where: { board: { eventId } } }),
          db.board.findMany({ where: { eventId } }),
        ]),
      );
      const draft = await time(() => core.reports.exportForCli(slug, "md"));
      const pdf = await time(() => core.reports.exportForCli(slug, "pdf"));
      const docx = await time(() => core.reports.exportForCli(slug, "docx"));
      rows.push({
        event: name,
        draft_ms: draft.ms,
        baseline_load_ms: loadOnly.ms,
        pdf_ms: pdf.ms,
        baseline_pdf_ms: emptyPdf.ms,
        pdf_kb: Math.round(pdf.value.length / 1024),
        docx_ms: docx.ms,
        baseline_docx_ms: tinyDocx.ms,
        docx_kb: Math.round(docx.value.length / 1024),
      });
    }
    // The writers: the offline writer (every install) and the model path against the stand-in server.
    const llm = await startFakeLlm();
    const writers = [];
    try {
      const model: ModelConfig = { url: llm.url, model: "stand-in", timeoutMs: 60_000 };
      for (const [name, slug] of [
        ["demo event", demo],
        ["large event (2,000 notes)", large],
      ] as const) {
        const eventId = (await db.event.findUniqueOrThrow({ where: { slug } })).id;
        for (const m of [null, model]) writers.push({ event: name, ...(await writing(db, eventId, m)) });
      }
    } finally {
      await llm.close();
    }
    const largeOffline = writers.find((w) => w.event.startsWith("large") && w.writer === "offline")!;
    return {
      events: rows,
      writers,
      target_large_offline_draft_under_2s:
        largeOffline.draft_ms < 2000 ? "met" : `not met (${largeOffline.draft_ms} ms)`,
    };
  } finally {
    await db.$disconnect();
  }
}
