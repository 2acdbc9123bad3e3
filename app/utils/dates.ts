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
