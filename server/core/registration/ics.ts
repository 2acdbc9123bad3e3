import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { ICalCalendar, ICalCalendarMethod } from "ical-generator";
import { DateTime } from "luxon";

export type IcsEvent = {
  uid: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  url: string;
  location?: string | null;
};

/**
 * A calendar file for an event, in the event's own timezone (with its
 * VTIMEZONE definition), so calendars show the right local time on both
 * sides of a daylight-saving change.
 */
export function eventIcs(e: IcsEvent): string {
  const cal = new ICalCalendar({
    prodId: { company: "Plenary", product: "Plenary", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    name: e.title,
  });
  cal.timezone({ name: e.timezone, generator: getVtimezoneComponent });
  cal.createEvent({
    id: e.uid,
    start: DateTime.fromJSDate(e.startsAt).setZone(e.timezone),
    end: DateTime.fromJSDate(e.endsAt).setZone(e.timezone),
    timezone: e.timezone,
    summary: e.title,
    description: e.description,
    location: e.location ?? undefined,
    url: e.url,
    stamp: e.startsAt, // stable output: the same event gives the same file
  });
  return cal.toString();
}
