import type { EventData, OpType } from "../boards/ops";

/** What an event becomes for a viewer who may not read the note it carries (hidden, private, deleted). */
export type RemovedNote = { noteId: string; removed: true };

/** The event of one operation: the board's sequence number, the operation's id, and what it did. */
export type BoardEventOf<K extends OpType> = {
  boardId: string;
  seq: number;
  opId: string;
  type: K;
  data: EventData<K> | RemovedNote;
};

/** What people see of a board changed without an operation on it: reload the board. */
export type RefreshEvent = { boardId: string; seq: number; opId: string; type: "board.refresh"; data: { reset: true } };

/** Every event a board broadcasts and replays, one member per operation (ops/*.ts), discriminated by `type`. */
export type BoardEvent = { [K in OpType]: BoardEventOf<K> }[OpType] | RefreshEvent;

export const isRemoved = (data: object): data is RemovedNote => "removed" in data && data.removed === true;

/** Whether an event asks the client to reload the board (the board went back to writing, or a refresh). */
export const asksReset = (e: BoardEvent) => "reset" in e.data && e.data.reset === true;
