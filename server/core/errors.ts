/**
 * Typed errors of the domain core. Adapters (Remix routes, Socket.IO handlers)
 * translate them to HTTP statuses or error acks. They are recognised by their
 * `domainError` brand rather than `instanceof`, because Remix's server bundle
 * may hold its own copy of this module.
 *
 * An error says what went wrong as a catalogue key and parameters (./i18n/message.ts), never as
 * English text: the doors pass them on, and each reader sees the message in their own language.
 * `Error.message` holds the English text, for logs.
 */
import type { NoteView } from "./boards/note-view";
import { type Message, type ParamsArg, inEnglish, msg } from "./i18n/message";
import type { en } from "./i18n/messages/en";

export type DomainErrorCode =
  "validation" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "rate_limited" | "unavailable";

/** Messages per form field (`_form` for the form as a whole). */
export type FieldErrors = Record<string, Message[]>;

/** What some refusals carry beside their message, for a client to act on (sent as the ack's own fields). */
export type ErrorDetails = {
  /** Rate limited: when to try again. */
  retryAfterMs?: number;
  /** An edit made on a version that is no longer the latest: the note as it is now. */
  latest?: { note: NoteView };
};

export class DomainError extends Error {
  readonly domainError = true as const;
  constructor(
    readonly code: DomainErrorCode,
    /** What to tell the person, as a catalogue key and its parameters. */
    readonly said: Message,
    readonly fieldErrors: FieldErrors = {},
    readonly details: ErrorDetails = {},
  ) {
    super(inEnglish(said));
    this.name = "DomainError";
  }
}

export const validationError = (said: Message, fieldErrors: FieldErrors = {}) =>
  new DomainError("validation", said, fieldErrors);
export const unauthenticated = (said: Message = msg("access.signIn")) => new DomainError("unauthenticated", said);
export const forbidden = (said: Message = msg("access.notAllowed")) => new DomainError("forbidden", said);
export const conflict = (said: Message, fieldErrors: FieldErrors = {}) =>
  new DomainError("conflict", said, fieldErrors);

/** Things that can be missing: the keys of the catalogue's `notFound` section. */
export type Missing = keyof typeof en.notFound;
/** "This <thing> was not found." for any thing the catalogue names. */
export const notFound = <K extends Missing>(what: K, ...params: ParamsArg<`notFound.${K}`>) =>
  new DomainError("not_found", msg(`notFound.${what}`, ...params));

/** A field's message, also said for the form as a whole: the form's summary and the field both show it. */
export const fieldError = (code: DomainErrorCode, field: string, said: Message) =>
  new DomainError(code, said, { [field]: [said] });

export function isDomainError(e: unknown): e is DomainError {
  return typeof e === "object" && e !== null && (e as { domainError?: unknown }).domainError === true;
}

export const httpStatusOf: Record<DomainErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};
