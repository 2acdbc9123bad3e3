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
  // Said in the reader's language on the event's clock, with the timezone named beside it.
  const at = (d: Date) => ({ date: { at: d.toISOString(), zone: event.timezone }, zone: event.timezone });
  if (event.status === "cancelled") return msg("registration.cancelled");
  if (event.status !== "published") return msg("registration.notOpen");
  if (event.registrationOpensAt && now < event.registrationOpensAt)
    return msg("registration.opensOn", at(event.registrationOpensAt));
  if (event.registrationClosesAt && now >= event.registrationClosesAt)
    return msg("registration.closedOn", at(event.registrationClosesAt));
  if (now >= event.endsAt) return msg("registration.ended");
  return null;
}
