import type { z } from "zod";
import type { Ack, AckError, AnswerOf, ClientEvent } from "../core/contract";
import type { Actor } from "../core/permissions";
import { isDomainError } from "../core/errors";
import { isWellFormedText, stripControls } from "../core/forms";
import type { Logger } from "../core/logger";
import type { PlenarySocket } from "../infra/io";

/** A refusal as its ack carries it: the code, the message, and what a client acts on in fields of their own. */
export function ackError(e: unknown): AckError | null {
  if (!isDomainError(e)) return null;
  const { retryAfterMs, latest } = e.details;
  return {
    code: e.code,
    message: e.message,
    ...(Object.keys(e.fieldErrors).length ? { fieldErrors: e.fieldErrors } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(latest ? { latest, latestVersion: latest.note.version } : {}),
  };
}

/**
 * Registers a Socket.IO event as a thin adapter over the core: the payload is
 * validated, the actor comes from the server-side session (never the
 * payload), and every outcome, including bugs, is answered through the ack.
 * What the handler returns is checked against the contract's answer for the event.
 */
export function handle<E extends ClientEvent, S extends z.ZodType>(
  socket: PlenarySocket,
  log: Logger,
  event: E,
  payload: S,
  fn: (input: z.infer<S>, actor: Actor) => Promise<AnswerOf<E>>,
) {
  const health = socket.data.health;
  // The contract says what a well-behaved client sends; anything may arrive, so the listener reads raw arguments.
  const listen = socket.on.bind(socket) as (event: string, listener: (...args: unknown[]) => void) => void;
  listen(event, async (...args: unknown[]) => {
    // The acknowledgement is the last argument; emit(event, ack) with no payload is answered like any other call.
    const last = args.at(-1);
    const ack = typeof last === "function" ? last : undefined;
    const raw = args[0] === ack ? undefined : args[0];
    const reply = typeof ack === "function" ? (ack as (a: Ack<AnswerOf<E>>) => void) : () => {};
    const invalid = (why: string) =>
      reply({ ok: false, error: { code: "validation", message: `Invalid payload for ${event}: ${why}` } });
    if (!wellFormed(raw)) return invalid("the text contains an invalid character (a lone surrogate).");
    const parsed = payload.safeParse(withoutControls(raw));
    if (!parsed.success) return invalid(parsed.error.issues[0]?.message ?? "bad input");
    try {
      reply({ ok: true, data: await fn(parsed.data, socket.data.actor ?? null) });
    } catch (e) {
      const refused = ackError(e);
      if (refused) {
        reply({ ok: false, error: refused });
      } else if (health && !(await health().catch(() => ({ ok: false }))).ok) {
        // Not a bug: the database is away. Clients keep the change and send it again later.
        reply({
          ok: false,
          error: {
            code: "unavailable",
            message:
              "The server cannot reach its database right now; your change was not saved yet and will be sent again.",
          },
        });
      } else {
        log.error("socket handler failed", { event, error: (e as Error).stack });
        reply({
          ok: false,
          error: { code: "internal", message: "Something went wrong on the server. Please try again." },
        });
      }
    }
  });
}

/** Whether every string in a payload, keys included, is well-formed UTF-16 (bounded depth, like the rest). */
function wellFormed(v: unknown, depth = 0): boolean {
  if (typeof v === "string") return isWellFormedText(v);
  if (depth > 8 || v === null || typeof v !== "object") return true;
  if (Array.isArray(v)) return v.every((x) => wellFormed(x, depth + 1));
  return Object.entries(v).every(([k, x]) => isWellFormedText(k) && wellFormed(x, depth + 1));
}

/** Payload strings without control characters (NUL above all, which PostgreSQL refuses); bounded depth. */
function withoutControls(v: unknown, depth = 0): unknown {
  if (typeof v === "string") return stripControls(v);
  if (depth > 8 || v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map((x) => withoutControls(x, depth + 1));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withoutControls(x, depth + 1)]));
}
