import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import { type Message, msg } from "./i18n/message";
import { zm } from "./i18n/zod-messages";

export const isValidZone = (zone: string) => IANAZone.isValidZone(zone);

export const timezoneSchema = z
  .string({ error: zm("events.timezone") })
  .trim()
  .refine(isValidZone, { error: zm("events.unknownTimezone") });

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * Reads a wall-clock time typed in an event's timezone ("2026-03-29T02:30").
 * A time that does not exist there (skipped when clocks go forward) is
 * refused rather than silently shifted; an ambiguous one (clocks go back)
 * takes the earlier instant, as calendar apps do.
 */
export function localToUtc(local: string, zone: string): { ok: true; date: Date } | { ok: false; error: Message } {
  if (!LOCAL.test(local)) return { ok: false, error: msg("events.dateTime") };
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) return { ok: false, error: msg("events.validDateTime") };
  if (dt.toFormat("yyyy-MM-dd'T'HH:mm") !== local) {
    return { ok: false, error: msg("events.skippedTime", { zone }) };
  }
  // When clocks go back, a wall-clock time happens twice and luxon picks the
  // later one; step back by the usual shifts to find the earlier one.
  for (const minutes of [60, 30]) {
    const earlier = dt.minus({ minutes });
    if (earlier.toFormat("yyyy-MM-dd'T'HH:mm") === local) return { ok: true, date: earlier.toUTC().toJSDate() };
  }
  return { ok: true, date: dt.toUTC().toJSDate() };
}

/** The wall-clock value for a datetime-local input, in the given zone. */
export const utcToLocal = (date: Date, zone: string) =>
  DateTime.fromJSDate(date, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
