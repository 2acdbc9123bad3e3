/** A note as people see it (ops/shared.ts holds the schema that checks it on the way back from the log). */
export type NoteView = {
  id: string;
  category: string;
  text: string;
  /** The author's name, or only their stakeholder category under the Chatham House rule. */
  authorLabel: string;
  /** The author's stakeholder category, for the "author type" filter. */
  authorCategory: string;
  clusterId: string | null;
  hidden: boolean;
  version: number;
  votes: number;
  reactions: Record<string, number>;
  comments: CommentView[];
  /** The room a note gathered onto the synthesis board came from. */
  originRoom: string | null;
  createdAt: string;
};

export type CommentView = { id: string; text: string; authorLabel: string; createdAt: string };

export type ClusterView = { id: string; label: string; category: string | null; position: number };
