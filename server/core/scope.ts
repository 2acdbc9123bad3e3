import type { DbLike } from "../db/client";
import { notFound } from "./errors";

async function must<T>(row: Promise<T | null>, what: string): Promise<T> {
  const found = await row;
  if (!found) throw notFound(what);
  return found;
}

/**
 * Object ids that arrive with a request (a round, a room, a note, an action
 * item...) are looked up only through the event the request acts on: an id of
 * another event is "not found", exactly like an id that does not exist. The
 * permission check says what a person may do in *their* event; this says
 * which objects that event holds, so an organiser of one event cannot reach
 * into another by pasting its ids. Every service resolves request ids here
 * rather than with its own `findUnique`, so there is one place to get it right
 * (tests/integration/core-cross-event.test.ts tries every such method with
 * another event's ids).
 */
export function inEvent(db: DbLike, eventId: string) {
  return {
    round: (id: string) => must(db.breakoutRound.findFirst({ where: { id, eventId } }), "This breakout round"),
    room: (id: string) => must(db.room.findFirst({ where: { id, round: { eventId } } }), "This room"),
    board: (id: string) => must(db.board.findFirst({ where: { id, eventId } }), "This board"),
    note: (id: string) => must(db.note.findFirst({ where: { id, deletedAt: null, board: { eventId } } }), "This note"),
    cluster: (id: string) =>
      must(db.cluster.findFirst({ where: { id, deletedAt: null, board: { eventId } } }), "This cluster"),
    agendaItem: (id: string) => must(db.agendaItem.findFirst({ where: { id, eventId } }), "This agenda item"),
    category: (id: string) => must(db.stakeholderCategory.findFirst({ where: { id, eventId } }), "This category"),
    question: (id: string) => must(db.registrationQuestion.findFirst({ where: { id, eventId } }), "This question"),
    registration: (id: string) => must(db.registration.findFirst({ where: { id, eventId } }), "This registration"),
    helpRequest: (id: string) =>
      must(db.helpRequest.findFirst({ where: { id, room: { round: { eventId } } } }), "This help request"),
    actionItem: (id: string) => must(db.actionItem.findFirst({ where: { id, eventId } }), "This action item"),
    resource: (id: string) => must(db.eventResource.findFirst({ where: { id, eventId } }), "This link"),
    invitation: (id: string) => must(db.invitation.findFirst({ where: { id, eventId } }), "This invitation"),
    /** A person taking part in the event (a role or a registration); anyone else is "not found" here. */
    member: (userId: string) =>
      must(
        db.user.findFirst({
          where: { id: userId, OR: [{ roles: { some: { eventId } } }, { registrations: { some: { eventId } } }] },
          select: { id: true, name: true },
        }),
        "This person",
      ),
  };
}

export type EventScope = ReturnType<typeof inEvent>;
