/** A live screen's own words (round title, room names, questions) in one of the event's other working languages. */
export type LiveTexts = { roundTitle: string; rooms: Record<string, { name: string; questions: string[] }> };

/** What one person's screen shows during a round. */
export type LiveState = {
  serverNow: string;
  round: { id: string; title: string; status: string; endsAt: string | null } | null;
  room: {
    id: string;
    name: string;
    /** The round's questions for every room, then this room's own. */
    questions: string[];
    meetingUrl: string | null;
    boardId: string | null;
    role: string;
  } | null;
  choices: { id: string; name: string; questions: string[]; count: number; full: boolean }[] | null;
  /** The event's working languages, and the texts above in each but the first (the page picks: live-languages.ts). */
  languages?: string[];
  translated?: Record<string, LiveTexts>;
};
