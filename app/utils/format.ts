import { DateTime } from "luxon";

// Dates, numbers and lists in the reader's language (luxon and Intl), never ISO strings or
// Latin commas: the same on the server and in the browser, since both are given the zone.

/** "3 Mar 2026, 14:05" in `zone` (the event's), in the reader's language. */
export function formatDateTime(iso: string, locale: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).setLocale(locale).toLocaleString({
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
}

/** "3 Mar 2026": the day an instant falls on in `zone`. */
export function formatDay(iso: string, locale: string, zone: string): string {
  return DateTime.fromISO(iso, { zone })
    .setLocale(locale)
    .toLocaleString({ day: "numeric", month: "short", year: "numeric" });
}

/** "3 Mar": a short day, for chart axes. Calendar days ("2026-03-03") are read as days, not instants. */
export function formatShortDay(isoDate: string, locale: string): string {
  return DateTime.fromISO(isoDate, { zone: "UTC" })
    .setLocale(locale)
    .toLocaleString({ day: "numeric", month: "short" });
}

/** "A, B and C" / "A وB وC": a list joined as the reader's language joins lists. */
export function formatList(
  items: readonly string[],
  locale: string,
  type: "conjunction" | "unit" = "conjunction",
): string {
  return new Intl.ListFormat(locale, { type, style: type === "unit" ? "short" : "long" }).format(items);
}

export const formatNumber = (n: number, locale: string) => new Intl.NumberFormat(locale).format(n);

/** Someone's note by its first words, for announcements and accessible names. */
export const shortText = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
