import { z } from "zod";

/**
 * Codecs for the columns that hold JSON (`*Json` in prisma/schema.prisma). The core reads and
 * writes those columns only through these, and hands views with decoded values to the doors, so
 * no route or component decodes a storage format. A value that does not parse or does not fit
 * reads as the column's empty value rather than failing a page: such a value can only come from
 * a hand-edited database, and every write is checked against the same schema.
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
