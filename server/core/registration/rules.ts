import { DateTime } from "luxon";
import { type Message, msg } from "../i18n/message";

type EventWindow = {
  status: string;
  timezone: string;
  endsAt: Date;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
};

/** Why registration is closed right now, for the person trying; null when it is open. */
export function registrationClosedReason(event: EventWindow, now: Date): Message | null {
  // A date every language reads the same way, with the event's timezone named beside it.
  const at = (d: Date) => ({
    date: DateTime.fromJSDate(d, { zone: event.timezone }).toFormat("yyyy-MM-dd HH:mm"),
    zone: event.timezone,
  });
  if (event.status === "cancelled") return msg("registration.cancelled");
  if (event.status !== "published") return msg("registration.notOpen");
  if (event.registrationOpensAt && now < event.registrationOpensAt)
    return msg("registration.opensOn", at(event.registrationOpensAt));
  if (event.registrationClosesAt && now >= event.registrationClosesAt)
    return msg("registration.closedOn", at(event.registrationClosesAt));
  if (now >= event.endsAt) return msg("registration.ended");
  return null;
}
