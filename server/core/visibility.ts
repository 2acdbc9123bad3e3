import { channels } from "./bus";

/**
 * The visibility policy: what each person may read of what was said, and
 * which live channels carry it to them. Every outward path uses it (the board
 * snapshot and its CSV/Markdown exports, the live broadcast of each
 * operation, the replay after a reconnect, the report's quotes), so a rule
 * such as "under the Chatham House rule nobody's name is attached to a note"
 * or "a hidden note is seen by its author and the facilitators only" is
 * written once. The socket door joins exactly the channels this module names.
 */

/** Who is reading a board: a person, with or without the facilitators' view of it. */
export type Viewer = { userId: string; staff: boolean };
/** Anyone on the board who is neither staff nor a given note's author. */
export const PUBLIC_VIEWER: Viewer = { userId: "", staff: false };

/** What the policy needs to know about a note. */
export type NoteFacts = { id: string; authorId: string | null; hidden: boolean; deleted: boolean };

/**
 * Whether a viewer may see a note at all (its text, its author label, its comments):
 * a deleted note nobody; otherwise staff always, the author always, and everyone
 * else unless it is hidden or the board is in the write phase (where notes are
 * private to their author until the facilitator reveals them).
 */
export function mayRead(viewer: Viewer, note: NoteFacts, phase: string): boolean {
  if (note.deleted) return false;
  if (viewer.staff) return true;
  if (note.authorId !== null && note.authorId === viewer.userId) return true;
  return !note.hidden && phase !== "write";
}

/** The author as known to the policy: null when the account was deleted. */
export type Author = { name: string | null; category: string | null; organisation?: string | null } | null;

export const FORMER_PARTICIPANT = "Former participant";

/**
 * How a note's (or comment's) author is shown: under the Chatham House rule by
 * stakeholder category only, never a name; otherwise by name. A deleted
 * account is a former participant, whatever its name was.
 */
export function authorLabel(chathamHouse: boolean, author: Author): string {
  if (!author) return FORMER_PARTICIPANT;
  if (chathamHouse) return author.category ?? "Participant";
  return author.name ?? "Participant";
}

/** A quote's attribution in the report: a name and organisation, or under the rule only a stakeholder group. */
export function quoteAttribution(chathamHouse: boolean, author: Author): string {
  if (!author) return FORMER_PARTICIPANT;
  if (chathamHouse) return author.category ?? "Participant";
  return [author.name, author.organisation].filter(Boolean).join(", ") || "Participant";
}

/** Notes that may appear in outputs read by the public (the report): neither deleted nor hidden. */
export const publicNoteFilter = { deletedAt: null, hidden: false } as const;

// ---- channels: which audiences a connection joins ----

/** A connection's own channels: its person's and its session's, so the core can reach or disconnect them. */
export const personalChannels = (actor: { userId: string; sessionId: string } | null) =>
  actor ? [channels.user(actor.userId), channels.session(actor.sessionId)] : [];

/** A board's channels for one viewer: everyone on the board, and the staff's unredacted channel for staff. */
export const boardChannels = (boardId: string, staff: boolean) =>
  staff ? [channels.board(boardId), channels.boardStaff(boardId)] : [channels.board(boardId)];

/** Every channel of a board, for leaving it. */
export const allBoardChannels = (boardId: string) => [channels.board(boardId), channels.boardStaff(boardId)];

/** An event's live channels: announcements for everyone taking part; registrations, rounds and help requests for staff. */
export const liveChannels = (eventId: string, staff: boolean) =>
  staff ? [channels.event(eventId), channels.staff(eventId)] : [channels.event(eventId)];

// ---- board events: what each audience receives ----

type EventData = Record<string, unknown>;
type BoardEventLike = { boardId: string; seq: number; opId: string; type: string; data: EventData };

/** The ids of the notes whose content (text, author) an event's data carries. */
export function carriedNoteIds(e: { type: string; data: EventData }): string[] {
  const d = e.data;
  const ids: string[] = [];
  const note = d.note as { id?: unknown } | undefined;
  if (note && typeof note.id === "string") ids.push(note.id);
  for (const n of (d.notes as { id?: unknown }[] | undefined) ?? []) if (typeof n?.id === "string") ids.push(n.id);
  if (e.type === "note.comment" && typeof d.noteId === "string") ids.push(d.noteId);
  return ids;
}

/**
 * One event as a viewer may see it: notes they may not read are replaced by
 * `{noteId, removed: true}` (one note) or left out (lists); a board going back
 * to the write phase tells participants to reload (their view shrinks to
 * their own notes).
 */
export function eventFor<E extends BoardEventLike>(
  viewer: Viewer,
  e: E,
  facts: (noteId: string) => NoteFacts | undefined,
  phase: string,
): E {
  const d = e.data;
  const readable = (id: string) => {
    const f = facts(id);
    return !!f && mayRead(viewer, f, phase);
  };
  let data: EventData = d;
  const note = d.note as { id: string } | undefined;
  if (note && typeof note.id === "string" && !readable(note.id)) data = { noteId: note.id, removed: true };
  else if (e.type === "note.comment" && typeof d.noteId === "string" && !readable(d.noteId))
    data = { noteId: d.noteId, removed: true };
  else if (Array.isArray(d.notes)) data = { ...d, notes: (d.notes as { id: string }[]).filter((n) => readable(n.id)) };
  if (e.type === "board.phase" && d.phase === "write" && !viewer.staff) data = { ...data, reset: true };
  return data === d ? e : { ...e, data };
}

export type Delivery<E extends BoardEventLike = BoardEventLike> = { channel: string; except?: string[]; payload: E };

/**
 * Who receives which version of a live board event. When every note it
 * carries is readable by everyone on the board, the board's channel gets it
 * whole; otherwise the staff channel gets it whole, each author of a note
 * others may not read gets their own version on their personal channel, and
 * everyone else the public version.
 */
export function deliveries<E extends BoardEventLike>(
  e: E,
  facts: (noteId: string) => NoteFacts | undefined,
  phase: string,
): Delivery<E>[] {
  const board = channels.board(e.boardId);
  const staff = channels.boardStaff(e.boardId);
  const carried = carriedNoteIds(e)
    .map(facts)
    .filter((f): f is NoteFacts => !!f);
  const privateAuthors = [
    ...new Set(carried.filter((f) => !mayRead(PUBLIC_VIEWER, f, phase) && f.authorId).map((f) => f.authorId as string)),
  ];
  const resets = e.type === "board.phase" && e.data.phase === "write";
  if (!resets && carried.every((f) => mayRead(PUBLIC_VIEWER, f, phase))) return [{ channel: board, payload: e }];
  return [
    {
      channel: board,
      except: [staff, ...privateAuthors.map(channels.user)],
      payload: eventFor(PUBLIC_VIEWER, e, facts, phase),
    },
    { channel: staff, payload: e },
    ...privateAuthors.map((userId) => ({
      channel: channels.user(userId),
      except: [staff],
      payload: eventFor({ userId, staff: false }, e, facts, phase),
    })),
  ];
}

// ---- presence ----

/**
 * Who is on a board, for one audience. Knowing who is in the room is normal,
 * but under the Chatham House rule a participant receives only how many people
 * are there: names arriving beside notes could tie a note to its author. The
 * room's staff, who run it, see names. (Announcements also come on a beat,
 * never at one person's arrival: see presence.ts.)
 */
export function presenceFor(chathamHouse: boolean, staff: boolean, people: { userId: string; name: string }[]) {
  return chathamHouse && !staff ? { count: people.length, people: [] } : { count: people.length, people };
}
