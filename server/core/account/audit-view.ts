import type { Db } from "../../db/client";
import { auditDetails } from "../json-columns";

/** A detail of an audit entry: what the page puts in its sentence. */
export type AuditDetail = string | number | boolean | null;

/**
 * One line of an event's audit log for the organisers' page: who, when, the action's key
 * (`report.publish`) and its details with ids replaced by what people know them by (a
 * registration by its person's name, a round by its title), so the page can say it as a
 * sentence in the reader's language instead of showing keys and JSON.
 */
export type AuditEntry = {
  id: string;
  at: string;
  /** Null when Plenary itself did it (retention, promotions). */
  actor: { name: string; email: string } | null;
  action: string;
  details: Record<string, AuditDetail>;
};

// Nested values are shown as their JSON: the sentence names only flat details.
const parse = (json: string): Record<string, AuditDetail> =>
  Object.fromEntries(
    Object.entries(auditDetails.read(json)).map(([k, x]) => [
      k,
      x === null || ["string", "number", "boolean"].includes(typeof x) ? (x as AuditDetail) : JSON.stringify(x),
    ]),
  );

const ids = (rows: Record<string, AuditDetail>[], key: string) => [
  ...new Set(rows.map((r) => r[key]).filter((x): x is string => typeof x === "string" && x !== "")),
];

export async function auditEntries(db: Db, eventId: string, limit: number): Promise<AuditEntry[]> {
  const rows = await db.auditLog.findMany({
    where: { eventId },
    include: { actor: { select: { name: true, email: true } } },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  const details = rows.map((r) => parse(r.detailsJson));
  const [registrations, users, rounds, questions] = await Promise.all([
    db.registration.findMany({
      where: { eventId, id: { in: ids(details, "registrationId") } },
      select: { id: true, user: { select: { name: true } } },
    }),
    db.user.findMany({
      where: { id: { in: [...ids(details, "userId"), ...ids(details, "invitedBy")] } },
      select: { id: true, name: true },
    }),
    db.breakoutRound.findMany({
      where: { eventId, id: { in: ids(details, "roundId") } },
      select: { id: true, title: true },
    }),
    db.registrationQuestion.findMany({
      where: { eventId, id: { in: ids(details, "questionId") } },
      select: { id: true, label: true },
    }),
  ]);
  const names = {
    registration: new Map(registrations.map((x) => [x.id, x.user.name])),
    user: new Map(users.map((x) => [x.id, x.name])),
    round: new Map(rounds.map((x) => [x.id, x.title])),
    question: new Map(questions.map((x) => [x.id, x.label])),
  };
  // Something deleted since (a question, a round) is named as null: the sentence then says so in general terms.
  const named = (map: Map<string, string>, id: AuditDetail) => (typeof id === "string" ? (map.get(id) ?? null) : null);
  return rows.map((r, i) => {
    const { registrationId, userId, invitedBy, roundId, questionId, ...rest } = details[i]!;
    const resolved: Record<string, AuditDetail> = { ...rest };
    if (registrationId !== undefined) resolved.person = named(names.registration, registrationId);
    if (userId !== undefined) resolved.person = named(names.user, userId);
    if (invitedBy !== undefined) resolved.invitedBy = named(names.user, invitedBy);
    if (roundId !== undefined) resolved.round = named(names.round, roundId);
    if (questionId !== undefined) resolved.question = named(names.question, questionId);
    return {
      id: r.id,
      at: r.createdAt.toISOString(),
      actor: r.actor ? { name: r.actor.name, email: r.actor.email } : null,
      action: r.action,
      details: resolved,
    };
  });
}
