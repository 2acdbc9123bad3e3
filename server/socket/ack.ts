import type { Socket } from "socket.io";
import type { z } from "zod";
import type { Actor } from "../core/permissions";
import { isDomainError } from "../core/errors";
import { stripControls } from "../core/forms";
import type { Logger } from "../core/logger";

export type AckError = { code: string; message: string; fieldErrors?: Record<string, string[]> };
export type Ack<T = unknown> = { ok: true; data: T } | { ok: false; error: AckError };

/**
 * Registers a Socket.IO event as a thin adapter over the core: the payload is
 * validated, the actor comes from the server-side session (never the
 * payload), and every outcome, including bugs, is answered through the ack.
 */
export function handle<S extends z.ZodType, T>(
  socket: Socket,
  log: Logger,
  event: string,
  payload: S,
  fn: (input: z.infer<S>, actor: Actor) => Promise<T>,
) {
  const health = (socket.data as { health?: () => Promise<{ ok: boolean }> }).health;
  socket.on(event, async (raw: unknown, ack?: unknown) => {
    const reply = typeof ack === "function" ? (ack as (a: Ack<T>) => void) : () => {};
    const parsed = payload.safeParse(withoutControls(raw));
    if (!parsed.success) {
      reply({
        ok: false,
        error: {
          code: "validation",
          message: `Invalid payload for ${event}: ${parsed.error.issues[0]?.message ?? "bad input"}`,
        },
      });
      return;
    }
    try {
      reply({ ok: true, data: await fn(parsed.data, socket.data.actor ?? null) });
    } catch (e) {
      if (isDomainError(e)) {
        reply({ ok: false, error: { code: e.code, message: e.message, fieldErrors: e.fieldErrors } });
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

/** Payload strings without control characters (NUL above all, which PostgreSQL refuses); bounded depth. */
function withoutControls(v: unknown, depth = 0): unknown {
  if (typeof v === "string") return stripControls(v);
  if (depth > 8 || v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map((x) => withoutControls(x, depth + 1));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withoutControls(x, depth + 1)]));
}
