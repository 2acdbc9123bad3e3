import { DateTime } from "luxon";

type EventWindow = {
  status: string;
  timezone: string;
  endsAt: Date;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
};

/** Why registration is closed right now, in words for the person trying; null when it is open. */
export function registrationClosedReason(event: EventWindow, now: Date): string | null {
  const fmt = (d: Date) => DateTime.fromJSDate(d, { zone: event.timezone }).toFormat("d LLLL yyyy, HH:mm ZZZZ");
  if (event.status === "cancelled") return "This event was cancelled, so registration is closed.";
  if (event.status !== "published") return "Registration is not open for this event.";
  if (event.registrationOpensAt && now < event.registrationOpensAt)
    return `Registration opens on ${fmt(event.registrationOpensAt)}.`;
  if (event.registrationClosesAt && now >= event.registrationClosesAt)
    return `Registration closed on ${fmt(event.registrationClosesAt)}.`;
  if (now >= event.endsAt) return "This event has ended.";
  return null;
}
