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
};
