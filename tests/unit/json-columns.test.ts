import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import {
  type StoredPayload,
  answers,
  auditDetails,
  itemChanges,
  machineParagraphs,
  mailAttachments,
  opPayload,
  reportContent,
  reportFigures,
  roomConstraint,
  stringList,
  summaryQuotes,
  translations,
  writerRecord,
} from "../../server/core/json-columns";
import type { Translations } from "../../server/core/content/languages";
import type { MailAttachment } from "../../server/core/mail/mailer";
import type { ReportContent } from "../../server/core/reports/content";
import type { MachineParagraph } from "../../server/core/reports/machine";
import type { ReportFigures } from "../../server/core/reports/sections";
import type { WriterReport } from "../../server/core/reports/writing/run";

const content: ReportContent = {
  title: "Welcoming cities",
  locale: "fr",
  eventSlug: "welcoming-cities",
  timezone: "Europe/Paris",
  version: 2,
  publishedAt: "2026-03-02T10:00:00.000Z",
  changeNote: "Corrected a figure",
  sections: [
    {
      key: "summary",
      title: "Résumé",
      markdown: "Trois salles…",
      machine: [{ text: "Trois salles…", writer: "model" }],
    },
    { key: "free-1", title: "Annexe", markdown: "« Citation »" },
  ],
  figures: { categories: [{ label: "Barriers", count: 12 }] },
  actionItems: [
    { title: "Map services", owner: "Lyon", dueDate: "2026-06-01", status: "open", from: "Room A", progress: "" },
    { title: "Share data", owner: "", dueDate: null, status: "done", from: null, progress: "Done in May" },
  ],
};

/** Each codec: a value it holds, a stored text that is JSON but not of its shape, and its empty value. */
const cases = [
  { name: "stringList", codec: stringList, value: ["en", "fr", "ar"], wrong: '["en", 3]', empty: [] },
  {
    name: "answers",
    codec: answers,
    value: { q1: "Housing", q2: ["Health", "Justice"] },
    wrong: '{"q1": 3}',
    empty: {},
  },
  { name: "roomConstraint", codec: roomConstraint, value: { gender: "woman" }, wrong: '{"gender": 1}', empty: null },
  {
    name: "auditDetails",
    codec: auditDetails,
    value: { userId: "u1", n: 2, nested: { a: [1] } },
    wrong: "[1]",
    empty: {},
  },
  {
    name: "itemChanges",
    codec: itemChanges,
    value: { title: ["Old", "New"], due: [null, "2026-01-01"] },
    wrong: '{"title": "x"}',
    empty: {},
  },
  {
    name: "mailAttachments",
    codec: mailAttachments,
    value: [{ filename: "invite.ics", content: "QkVHSU4=", contentType: "text/calendar" }],
    wrong: '[{"filename": "a"}]',
    empty: [],
  },
  {
    name: "summaryQuotes",
    codec: summaryQuotes,
    value: [{ text: "Cities move first", attribution: "A mayor", consent: true }],
    wrong: '[{"text": "x", "consent": "yes"}]',
    empty: [],
  },
  {
    name: "translations",
    codec: translations,
    value: { fr: { title: "Villes accueillantes", description: "" }, ar: { name: "الغرفة أ" } },
    wrong: '{"fr": "Villes"}',
    empty: {},
  },
  {
    name: "opPayload",
    codec: opPayload,
    value: { type: "board.phase", data: { phase: "vote", notes: [{ id: "n1" }, { id: "n2" }], left: 0 } },
    wrong: '{"type": "note.create", "data": {"note": "n1"}}',
    empty: { type: "", data: {} },
  },
  {
    name: "machineParagraphs",
    codec: machineParagraphs,
    value: [
      { text: "Housing came first.", writer: "offline", sentences: [{ text: "Housing came first.", cites: ["n1"] }] },
    ],
    wrong: '[{"text": "x", "writer": "someone", "sentences": []}]',
    empty: [],
  },
  {
    name: "reportFigures",
    codec: reportFigures,
    value: { categories: [{ label: "Barriers", count: 3 }] },
    wrong: "{}",
    empty: { categories: [] },
  },
  {
    name: "writerRecord",
    codec: writerRecord,
    value: {
      writer: "offline",
      model: "m",
      fallback: { reason: "timeout", detail: "30 s" },
      kept: 9,
      dropped: 1,
      offlineThemes: 2,
      ms: 120,
      at: "2026-03-01T09:00:00.000Z",
    },
    wrong: '{"writer": "someone"}',
    empty: {},
  },
  { name: "reportContent", codec: reportContent, value: content, wrong: '{"title": "x", "sections": []}', empty: null },
] as const;

type Codec = { read(text: string | null | undefined): unknown; write(value: never): string };

describe.each(cases)("the $name column", ({ codec, value, wrong, empty }) => {
  const c = codec as Codec;
  const write = (v: unknown) => (c.write as (v: unknown) => string)(v);

  it("reads back what it wrote", () => {
    const text = write(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(c.read(text)).toEqual(value);
  });

  it("reads a value of the wrong shape as its empty value", () => {
    expect(c.read(wrong)).toEqual(empty);
  });

  it("reads broken JSON, nothing and JSON null as its empty value, without throwing", () => {
    for (const text of ["{not json", "", null, undefined, '"a string"', "12"]) expect(c.read(text)).toEqual(empty);
    if (empty !== null) expect(c.read("null")).toEqual(empty);
  });

  it("refuses to write a value of the wrong shape", () => {
    expect(() => write(JSON.parse(wrong))).toThrow();
  });
});

describe("codecs and the types the core uses agree", () => {
  it("in both directions, field by field", () => {
    expectTypeOf<z.output<typeof reportContent.schema>>().toEqualTypeOf<ReportContent | null>();
    expectTypeOf<z.output<typeof reportFigures.schema>>().toEqualTypeOf<ReportFigures>();
    expectTypeOf<z.output<typeof writerRecord.schema>>().toEqualTypeOf<Partial<WriterReport & { at: string }>>();
    expectTypeOf<z.output<typeof machineParagraphs.schema>>().toEqualTypeOf<MachineParagraph[]>();
    expectTypeOf<z.output<typeof translations.schema>>().toEqualTypeOf<Translations>();
    expectTypeOf<z.output<typeof mailAttachments.schema>>().toEqualTypeOf<MailAttachment[]>();
    expectTypeOf<StoredPayload["data"]>().toExtend<Record<string, unknown>>();
  });
});

describe("the operation log's payload", () => {
  it("keeps an operation's other data as it was logged", () => {
    const stored = { type: "note.react", data: { noteId: "n1", reactions: { "👍": 2 } } };
    expect(opPayload.read(opPayload.write(stored))).toEqual(stored);
  });

  it("reads a list of notes that are not references as empty, so a replay never reads an id off nothing", () => {
    expect(opPayload.read('{"type": "board.phase", "data": {"phase": "vote", "notes": [null]}}').data).toEqual({});
  });
});
