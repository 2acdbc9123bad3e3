import { DateTime } from "luxon";
import type { MailMessage } from "../mail/mailer";

type EventInfo = { title: string; slug: string; timezone: string; startsAt: Date; endsAt: Date; format: string; venue: string | null };
type Ctx = { event: EventInfo; name: string; to: string; manageUrl: string; eventUrl: string; loginUrl?: string; ics?: string };

const when = (e: EventInfo) => {
  const s = DateTime.fromJSDate(e.startsAt, { zone: e.timezone });
  const end = DateTime.fromJSDate(e.endsAt, { zone: e.timezone });
  return `${s.toFormat("cccc d LLLL yyyy, HH:mm")}–${end.toFormat(s.hasSame(end, "day") ? "HH:mm" : "d LLLL HH:mm")} (${e.timezone}, ${s.toFormat("ZZZZ")})`;
};

const footer = (c: Ctx) =>
  [
    "",
    `View, change or cancel your registration: ${c.manageUrl}`,
    `Event page: ${c.eventUrl}`,
    ...(c.loginUrl ? [`Sign in to Plenary without a password (valid 7 days): ${c.loginUrl}`] : []),
    "",
    "Plenary",
  ].join("\n");

const calendar = (c: Ctx): MailMessage["attachments"] =>
  c.ics ? [{ filename: `${c.event.slug}.ics`, content: c.ics, contentType: "text/calendar; charset=utf-8; method=PUBLISH" }] : [];

export const registrationEmails = {
  confirmed: (c: Ctx): MailMessage => ({
    to: c.to,
    subject: `You are registered: ${c.event.title}`,
    text: `Hello ${c.name},\n\nYour place at "${c.event.title}" is confirmed.\n\nWhen: ${when(c.event)}\n${c.event.venue ? `Where: ${c.event.venue}\n` : ""}\nThe attached calendar file adds it to your calendar in the right timezone.\n${footer(c)}`,
    attachments: calendar(c),
  }),
  waitlisted: (c: Ctx & { position: number }): MailMessage => ({
    to: c.to,
    subject: `You are on the waitlist: ${c.event.title}`,
    text: `Hello ${c.name},\n\n"${c.event.title}" is full, so you are on the waitlist, in position ${c.position}. If a place opens, you will get it automatically and we will email you.\n\nWhen: ${when(c.event)}\n${footer(c)}`,
  }),
  pending: (c: Ctx): MailMessage => ({
    to: c.to,
    subject: `Registration received: ${c.event.title}`,
    text: `Hello ${c.name},\n\nThank you for registering for "${c.event.title}". The organisers review registrations to keep a balanced mix of participants; you will hear from us soon.\n\nWhen: ${when(c.event)}\n${footer(c)}`,
  }),
  promoted: (c: Ctx): MailMessage => ({
    to: c.to,
    subject: `A place opened for you: ${c.event.title}`,
    text: `Hello ${c.name},\n\nGood news: a place opened at "${c.event.title}" and it is yours. Your registration is now confirmed.\n\nWhen: ${when(c.event)}\n\nThe attached calendar file adds it to your calendar. If you can no longer come, please cancel so someone else can take the place.\n${footer(c)}`,
    attachments: calendar(c),
  }),
  rejected: (c: Ctx): MailMessage => ({
    to: c.to,
    subject: `About your registration: ${c.event.title}`,
    text: `Hello ${c.name},\n\nThank you for your interest in "${c.event.title}". The organisers could not offer you a place this time.\n\nPlenary`,
  }),
  cancelled: (c: Ctx): MailMessage => ({
    to: c.to,
    subject: `Registration cancelled: ${c.event.title}`,
    text: `Hello ${c.name},\n\nYour registration for "${c.event.title}" is cancelled. You can register again from the event page while registration is open: ${c.eventUrl}\n\nPlenary`,
  }),
};
