import { DateTime } from "luxon";

type Moment = { startsAt: Date; timezone: string };
type Item = { id: string; startsAt: Date; endsAt: Date };

/** A wall-clock reading of an instant in a zone, as a zone-free DateTime (arithmetic on it ignores clock changes). */
const wall = (d: Date, zone: string) =>
  DateTime.fromISO(DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm"), { zone: "UTC" });

/** The instant of a wall-clock time in a zone; a time skipped by a clock change moves forward, as calendars do. */
const at = (w: DateTime, zone: string) =>
  DateTime.fromObject(
    { year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute },
    { zone },
  ).toJSDate();

/**
 * Where an event's agenda goes when the event moves: every item moves by the
 * same wall-clock amount as the event's start, in the event's timezone. Moving
 * a 14:00 session from September to December keeps its items at their local
 * times although Brussels changed from summer to winter time in between (the
 * instants differ by an hour); changing only the timezone keeps the times as
 * they read. Returns only the items that change.
 */
export function shiftAgenda(items: Item[], from: Moment, to: Moment): Item[] {
  const shift = wall(to.startsAt, to.timezone).diff(wall(from.startsAt, from.timezone), "minutes").minutes;
  if (shift === 0 && from.timezone === to.timezone) return [];
  return items.map((item) => ({
    id: item.id,
    startsAt: at(wall(item.startsAt, from.timezone).plus({ minutes: shift }), to.timezone),
    endsAt: at(wall(item.endsAt, from.timezone).plus({ minutes: shift }), to.timezone),
  }));
}
