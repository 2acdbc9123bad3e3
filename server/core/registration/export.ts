import { audit } from "../audit";
import type { Db } from "../../db/client";
import { toCsv } from "../csv";
import { type Actor, requirePermission } from "../permissions";
import { listParticipants } from "./dashboard";

/**
 * Participants as CSV. Registrants agreed to their data being processed for
 * the event, so the list carries what organisers need to run it; the optional
 * self-described gender is left out (it is reported only as aggregate
 * figures), and the "may be quoted by name" consent is a column of its own.
 */
export async function exportParticipantsCsv(db: Db, actor: Actor, eventId: string) {
  const user = await requirePermission(db, actor, eventId, "registration.export");
  const { rows } = await listParticipants(db, actor, eventId, { sort: "registered" });
  const questions = await db.registrationQuestion.findMany({ where: { eventId }, orderBy: { position: "asc" } });
  const header = [
    "Name",
    "Email",
    "Organisation",
    "Stakeholder category",
    "Role or title",
    "City",
    "Country",
    "Preferred language",
    "Status",
    "Waitlist position",
    "Registered at (event time)",
    "Checked in",
    "Accessibility needs",
    "May be quoted by name",
    ...questions.map((q) => q.label),
  ];
  const body = rows.map((r) => {
    const answers = r.answers;
    return [
      r.name,
      r.email,
      r.organisation,
      r.category,
      r.roleTitle,
      r.city,
      r.country,
      r.preferredLanguage,
      r.status,
      r.waitlistPosition ?? "",
      r.registeredLocal,
      r.checkedIn ? "yes" : "no",
      r.accessibilityNeeds,
      r.consentQuote ? "yes" : "no",
      ...questions.map((q) => {
        const a = answers[q.id];
        return Array.isArray(a) ? a.join("; ") : (a ?? "");
      }),
    ];
  });
  await audit(db, {
    eventId,
    actorId: user.userId,
    action: "participants.export",
    details: { rows: rows.length },
  });
  return toCsv(header, body);
}
