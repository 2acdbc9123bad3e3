import { translations as translationsColumn } from "../json-columns";

/**
 * The organisers' own words in every working language. An event's title, description, agenda,
 * rounds, room names and guiding questions are written once in the event's first working
 * language (the ordinary columns) and, where the organisers gave them, in its other working
 * languages (a `translationsJson` column beside them: `{"fr": {"title": "…"}}`). A reader sees
 * their language where it is a working language and a translation was given, else the first.
 *
 * Pure and free of the database, so pages, the live socket state (picked in the browser) and
 * the report all choose the same way.
 */

/** Per language, per field: `{"fr": {"title": "Villes accueillantes"}}`. */
export type Translations = Record<string, Record<string, string>>;

/** Translations as given, or as stored (read through their column's codec: anything malformed reads as none). */
const decoded = (t: Translations | string | null | undefined): Translations =>
  typeof t === "string" || !t ? translationsColumn.read(t) : t;

/**
 * The one rule for which language a reader gets an event's content in: their own when it is one
 * of the event's working languages, else the event's first (in which the content was written).
 * The report calls it with the report's language, pages with the reader's.
 */
export function contentLanguage(reader: string | null | undefined, working: readonly string[]): string {
  const base = (l: string) => l.toLowerCase().split("-")[0]!;
  const first = working[0] ? base(working[0]) : "en";
  if (!reader) return first;
  const wanted = base(reader);
  return working.some((w) => base(w) === wanted) ? wanted : first;
}

/**
 * A record's text fields in `language`: each field the translation gives (non-empty), else the
 * original. Fields not in the record are never added, so a translation cannot smuggle in others.
 */
export function inLanguage<T extends object>(
  record: T,
  translations: Translations | string | null | undefined,
  language: string,
  fields: readonly (keyof T & string)[],
): T {
  const given = decoded(translations)[language];
  if (!given) return record;
  const out = { ...record };
  for (const f of fields) {
    const t = given[f];
    if (typeof t === "string" && t.trim() && typeof record[f] === "string") (out as Record<string, unknown>)[f] = t;
  }
  return out;
}

/** Questions and other lists are translated as a whole, one item per line. */
export const splitLines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** A list in `language`: the translation's lines when one was given, else the original list. */
export function linesInLanguage(
  original: readonly string[],
  translations: Translations | string | null | undefined,
  language: string,
  field = "questions",
): string[] {
  const given = decoded(translations)[language]?.[field];
  return given && splitLines(given).length ? splitLines(given) : [...original];
}

/** Which fields each kind of content may be translated in (and the only ones stored). */
export const TRANSLATABLE = {
  event: ["title", "description"],
  agendaItem: ["title", "description"],
  round: ["title", "questions"],
  room: ["name", "questions"],
} as const;
export type TranslatableKind = keyof typeof TRANSLATABLE;
