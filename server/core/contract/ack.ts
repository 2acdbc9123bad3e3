import type { NoteView } from "../boards/note-view";
import type { DomainErrorCode } from "../errors";

/**
 * How every socket request is answered. An error has a code a client acts on and a message
 * it shows; what a client needs beyond that travels in fields of its own, not in fieldErrors.
 */
export type AckErrorCode =
  | DomainErrorCode
  /** A bug on the server: giving up is right, retrying would fail the same way. */
  | "internal"
  /** The client's own: no answer within its timeout. */
  | "timeout"
  /** The client's own: a change over the message size limit, never sent. */
  | "too_large"
  /** An event the server does not know (a client bug or a stale client). */
  | "unknown_event";

export type AckError = {
  code: AckErrorCode;
  message: string;
  /** Messages per form field. */
  fieldErrors?: Record<string, string[]>;
  /** rate_limited: how long to wait before sending again. */
  retryAfterMs?: number;
  /** conflict on an edit made on an older version: the note as it is now, to show and retry on. */
  latest?: { note: NoteView };
  /** conflict on an edit: the version the edit must name to apply. */
  latestVersion?: number;
};

export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

/** The acknowledgement callback of a request whose answer is T. */
export type AckFn<T> = (ack: Ack<T>) => void;
