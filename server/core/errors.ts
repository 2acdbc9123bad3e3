/**
 * Typed errors of the domain core. Adapters (Remix routes, Socket.IO handlers)
 * translate them to HTTP statuses or error acks. They are recognised by their
 * `domainError` brand rather than `instanceof`, because Remix's server bundle
 * may hold its own copy of this module.
 */
import type { NoteView } from "./boards/note-view";

export type DomainErrorCode =
  "validation" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "rate_limited" | "unavailable";

export type FieldErrors = Record<string, string[]>;

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
    message: string,
    readonly fieldErrors: FieldErrors = {},
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const validationError = (message: string, fieldErrors: FieldErrors = {}) =>
  new DomainError("validation", message, fieldErrors);
export const unauthenticated = (message = "Please sign in to continue.") => new DomainError("unauthenticated", message);
export const forbidden = (message = "You are not allowed to do this.") => new DomainError("forbidden", message);
export const notFound = (what: string) => new DomainError("not_found", `${what} was not found.`);
export const conflict = (message: string, fieldErrors: FieldErrors = {}) =>
  new DomainError("conflict", message, fieldErrors);

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
