import type { ThemePair } from "../themes";

/** One sentence of drafted text and the sources it rests on: note ids, or the ids of facts given to the writer. */
export type Sentence = { text: string; cites: string[] };
export type Takeaway = { title: string; sentences: Sentence[] };

export type BriefNote = {
  id: string;
  text: string;
  category: string;
  room: string | null;
  /** The author's stakeholder group, or null when it may not be named. Never a name or an organisation. */
  group: string | null;
  votes: number;
  /** Quoted word for word under the paragraph, so the paragraph need not repeat it. */
  quoted: boolean;
};

export type BriefTheme = {
  id: string;
  label: string;
  category: string;
  /** The category as the report names it ("Barriers", or an organiser's own category). */
  categoryName: string;
  scope: "cross" | "room";
  /** Room names (a room theme has one). */
  rooms: string[];
  groups: { group: string | null; notes: number }[];
  votes: number;
  /** Most central first. */
  notes: BriefNote[];
  /** The theme drew the most votes of its room (or, across rooms, of all cross-room themes). */
  mostVoted: boolean;
};

/** Figures the writers may state, each with the id a sentence cites. */
export type BriefFacts = {
  participation: {
    id: string;
    registered: number;
    attended: number;
    organisations: number;
    countries: number;
    groups: number;
  };
  programme: { id: string; date: string; speakers: number; rooms: string[] };
  actions: { id: string; count: number };
};

/** Everything a writer may use. It holds no author's name or organisation. */
export type WriterBrief = {
  locale: string;
  chathamHouse: boolean;
  /** Rooms of the event, in order, and the stakeholder groups that may be named. */
  rooms: string[];
  groups: string[];
  facts: BriefFacts;
  themes: BriefTheme[];
  pairs: ThemePair[];
  /** Notes in no theme, per room (key: the room's id, "" for the plenary; room: its name). */
  others: { key: string; room: string; notes: BriefNote[] }[];
};

/** What a writer returns: sentences, each citing what it rests on. */
export type Draft = {
  summary: Sentence[];
  themes: Record<string, Sentence[]>;
  others: Record<string, Sentence[]>;
  takeaways: Takeaway[];
};

export type WriterName = "offline" | "model";

/** The offline writer and the language model answer the same brief with the same shape. */
export interface ReportWriter {
  readonly name: WriterName;
  readonly model?: string;
  write(brief: WriterBrief): Promise<Draft>;
}

/** Why the language model's draft was not used; the report editor says so. */
export class WriterError extends Error {
  constructor(
    readonly reason: "timeout" | "unreachable" | "http" | "invalid",
    message: string,
  ) {
    super(message);
    this.name = "WriterError";
  }
}
