import { z } from "zod";

/**
 * Codecs for the columns that hold JSON (`*Json` in prisma/schema.prisma). The core reads and
 * writes those columns only through these, and hands views with decoded values to the doors, so
 * no route or component decodes a storage format. A value that does not parse or does not fit
 * reads as the column's empty value rather than failing a page: such a value can only come from
 * a hand-edited database, and every write is checked against the same schema.
 *
 * Nothing else in the server calls JSON.parse or JSON.stringify on a column
 * (tests/unit/storage-formats.test.ts); the types the core uses for these values are checked
 * against the schemas in tests/unit/json-columns.test.ts. This module imports only zod: the
 * browser loads it with the board operations.
 */
export function jsonColumn<S extends z.ZodType>(schema: S, empty: () => z.output<S>) {
  const codec = z.codec(z.string(), schema, {
    decode: (text, ctx) => {
      try {
        return JSON.parse(text) as unknown as z.input<S>;
      } catch (e) {
        ctx.issues.push({ code: "invalid_format", format: "json", input: text, message: (e as Error).message });
        return z.NEVER;
      }
    },
    encode: (value) => JSON.stringify(value),
  });
  return {
    schema,
    read(text: string | null | undefined): z.output<S> {
      if (text === null || text === undefined) return empty();
      const r = codec.safeDecode(text);
      return r.success ? r.data : empty();
    },
    write: (value: z.output<S>): string => codec.encode(value),
  };
}

const strings = z.array(z.string());

/** Lists of short texts: an event's languages, partners and organisers, a question's options, a board's categories... */
export const stringList = jsonColumn(strings, () => []);

/** A registration's answers to the event's own questions, by question id. */
export const answers = jsonColumn(z.record(z.string(), z.union([z.string(), strings])), () => ({}));

/** A room reserved to some participants, e.g. `{gender: "woman"}`. */
export const roomConstraint = jsonColumn(z.object({ gender: z.string().optional() }).nullable(), () => null);

/** What an audit log line records beside its action. */
export const auditDetails = jsonColumn(z.record(z.string(), z.unknown()), () => ({}));

/** What an action item update changed: each field's value before and after. */
export const itemChanges = jsonColumn(z.record(z.string(), z.tuple([z.unknown(), z.unknown()])), () => ({}));

/** Files attached to a mail kept in the dev mailbox (content base64-encoded). */
export const mailAttachments = jsonColumn(
  z.array(z.object({ filename: z.string(), content: z.string(), contentType: z.string() })),
  () => [],
);

/** Quotes a rapporteur noted in a room's summary, with whether the speaker agreed to be quoted. */
export const summaryQuotes = jsonColumn(
  z.array(z.object({ text: z.string(), attribution: z.string(), consent: z.boolean() })),
  () => [],
);

/**
 * The organisers' own words in another working language, per language and field:
 * `{"fr": {"title": "Villes accueillantes"}}` (events, agenda items, rounds, rooms). Empty
 * strings are kept as stored; content/languages.ts reads an empty field as "not translated".
 */
export const translations = jsonColumn(z.record(z.string(), z.record(z.string(), z.string())), () => ({}));

const ref = z.looseObject({ id: z.string() });

/**
 * The operation log's payload, read on the board's sync path (a reconnect replays up to a few
 * hundred rows). Deliberately loose: each operation's data was checked by its own schema before it
 * was applied and logged, so only what the replay itself relies on is checked, the notes and
 * comment it reads afresh by id; other keys pass as they are.
 */
export const opPayload = jsonColumn(
  z.object({
    type: z.string(),
    data: z.looseObject({ note: ref.optional(), notes: z.array(ref).optional(), comment: ref.optional() }),
  }),
  () => ({ type: "", data: {} }),
);

/** What an operation-log row keeps (boards/service.ts `stored`): its type and data, notes and comments by id. */
export type StoredPayload = z.output<typeof opPayload.schema>;

const sentence = z.object({ text: z.string(), cites: z.array(z.string()) });

/** Paragraphs a writer drafted in a report section, with the sources of each sentence. */
export const machineParagraphs = jsonColumn(
  z.array(z.object({ text: z.string(), writer: z.enum(["offline", "model"]), sentences: z.array(sentence) })),
  () => [],
);

const figuresSchema = z.object({
  categories: z.array(z.object({ label: z.string(), count: z.number() })),
});

/** The figures a draft's charts are drawn from (Report.figuresJson; "{}" until the first draft). */
export const reportFigures = jsonColumn(figuresSchema, () => ({ categories: [] }));

/** Who drafted the report last and how it went, as the editor tells the secretariat ("{}" before the first draft). */
export const writerRecord = jsonColumn(
  z
    .object({
      writer: z.enum(["offline", "model"]),
      model: z.string(),
      fallback: z.object({ reason: z.enum(["timeout", "unreachable", "http", "invalid"]), detail: z.string() }),
      kept: z.number(),
      dropped: z.number(),
      offlineThemes: z.number(),
      ms: z.number(),
      at: z.string(),
    })
    .partial(),
  () => ({}),
);

/**
 * A published version of a report, frozen (ReportVersion.contentJson). It has no empty value of
 * its own (a version without its event's title and date would mislead): one that cannot be read
 * reads as null, and the report service shows the version with nothing in it.
 */
export const reportContent = jsonColumn(
  z
    .object({
      title: z.string(),
      locale: z.string(),
      eventSlug: z.string(),
      timezone: z.string(),
      version: z.number().nullable(),
      publishedAt: z.string().nullable(),
      changeNote: z.string(),
      sections: z.array(
        z.object({
          key: z.string(),
          title: z.string(),
          markdown: z.string(),
          machine: z.array(z.object({ text: z.string(), writer: z.string() })).optional(),
        }),
      ),
      figures: figuresSchema,
      actionItems: z.array(
        z.object({
          title: z.string(),
          owner: z.string(),
          dueDate: z.string().nullable(),
          status: z.string(),
          from: z.string().nullable(),
          progress: z.string(),
        }),
      ),
    })
    .nullable(),
  () => null,
);
