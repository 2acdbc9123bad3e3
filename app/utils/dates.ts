import { DateTime } from "luxon";

/** "Tue 3 Mar 2026, 14:00–15:30 CET" in the given zone and locale. */
export function formatRange(startIso: string, endIso: string, zone: string, locale: string): string {
  const s = DateTime.fromISO(startIso, { zone }).setLocale(locale);
  const e = DateTime.fromISO(endIso, { zone }).setLocale(locale);
  const day = s.toLocaleString({ weekday: "short", day: "numeric", month: "short", year: "numeric" });
  const sameDay = s.hasSame(e, "day");
  const end = sameDay
    ? e.toLocaleString(DateTime.TIME_24_SIMPLE)
    : e.toLocaleString({ day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${day}, ${s.toLocaleString(DateTime.TIME_24_SIMPLE)}–${end} ${s.toFormat("ZZZZ")}`;
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
  const day = (d: DateTime) => d.toLocaleString({ weekday: "short", day: "numeric", month: "short", year: "numeric" });
  const time = (d: DateTime) => d.toLocaleString(DateTime.TIME_24_SIMPLE);
  return s.hasSame(e, "day") ? `${day(s)}, ${time(s)}–${time(e)}` : `${day(s)}, ${time(s)} – ${day(e)}, ${time(e)}`;
}

/** A due date kept as a calendar day ("2027-03-31"), read in the viewer's language ("31 Mar 2027"). */
export const formatDueDate = (isoDate: string, locale: string) =>
  DateTime.fromISO(isoDate, { zone: "UTC" })
    .setLocale(locale)
    .toLocaleString({ day: "numeric", month: "short", year: "numeric" });
