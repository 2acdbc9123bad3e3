import { DateTime } from "luxon";

const DAY_AND_TIME = {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
} as const;

/**
 * "Tue 3 Mar 2026, 14:00–15:30 CET" in the given zone and locale. The day and the time are
 * formatted together, so each language joins them its own way ("،" in Arabic, not a Latin comma).
 */
export function formatRange(startIso: string, endIso: string, zone: string, locale: string): string {
  const s = DateTime.fromISO(startIso, { zone }).setLocale(locale);
  const e = DateTime.fromISO(endIso, { zone }).setLocale(locale);
  const sameDay = s.hasSame(e, "day");
  const end = sameDay
    ? e.toLocaleString(DateTime.TIME_24_SIMPLE)
    : e.toLocaleString({ day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${s.toLocaleString(DAY_AND_TIME)}–${end} ${s.toFormat("ZZZZ")}`;
}

/** "14:00–15:30" (with the day when it differs from the event's day in that zone). */
export function formatTimes(
  startIso: string,
  endIso: string,
  zone: string,
  locale: string,
  referenceDayIso?: string,
): string {
  const s = DateTime.fromISO(startIso, { zone }).setLocale(locale);
  const e = DateTime.fromISO(endIso, { zone }).setLocale(locale);
  const ref = referenceDayIso ? DateTime.fromISO(referenceDayIso, { zone }) : s;
  const prefix = s.hasSame(ref, "day")
    ? ""
    : `${s.toLocaleString({ weekday: "short", day: "numeric", month: "short" })} `;
  return `${prefix}${s.toLocaleString(DateTime.TIME_24_SIMPLE)}–${e.toLocaleString(DateTime.TIME_24_SIMPLE)}`;
}

/** The zone's short name at a given moment, e.g. "CET" or "GMT-3". */
export const zoneAbbrev = (iso: string, zone: string, locale: string) =>
  DateTime.fromISO(iso, { zone }).setLocale(locale).toFormat("ZZZZ");

/**
 * "Thu 10 Dec 2026, 14:00–15:30" from wall-clock values already in the event's zone
 * ("2026-12-10T14:00"), as the agenda editor holds them: the date is always shown,
 * so an item left on another day than the event is seen at once.
 */
export function formatLocalRange(startLocal: string, endLocal: string, locale: string): string {
  const s = DateTime.fromISO(startLocal, { zone: "UTC" }).setLocale(locale);
  const e = DateTime.fromISO(endLocal, { zone: "UTC" }).setLocale(locale);
  const both = (d: DateTime) => d.toLocaleString(DAY_AND_TIME);
  return s.hasSame(e, "day") ? `${both(s)}–${e.toLocaleString(DateTime.TIME_24_SIMPLE)}` : `${both(s)} – ${both(e)}`;
}

/** A due date kept as a calendar day ("2027-03-31"), read in the viewer's language ("31 Mar 2027"). */
export const formatDueDate = (isoDate: string, locale: string) =>
  DateTime.fromISO(isoDate, { zone: "UTC" })
    .setLocale(locale)
    .toLocaleString({ day: "numeric", month: "short", year: "numeric" });
