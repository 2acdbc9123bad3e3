import { z } from "zod";
import type { Core } from "../core";
import {
  type AckError,
  type ClientEvent,
  type HandshakeRefusal,
  PROTOCOL_MISMATCH,
  PROTOCOL_VERSION,
} from "../core/contract";
import type { PlenaryIo } from "../infra/io";
import { personalChannels } from "../core/visibility";
import type { RateLimits } from "../infra/rate-limits";
import { readSessionId, type SessionCookie } from "../infra/session-cookie";
import { handle } from "./ack";
import { attachBoardHandlers } from "./board-handlers";
import { attachLiveHandlers } from "./live-handlers";

const eventRef = z.object({ eventId: z.string().min(1).max(64) });

/**
 * Socket.IO door to the core. Identity comes from the session cookie sent with
 * the handshake; each socket joins its user's and session's channels so the
 * core can reach or disconnect them (sign-out, role changes).
 */
export function attachSocketHandlers(io: PlenaryIo, core: Core, sessionCookie: SessionCookie, limits: RateLimits) {
  // A page loaded from an older (or newer) build speaks another protocol: refuse it with a reason its code can show.
  io.use((socket, next) => {
    const { protocol } = (socket.handshake.auth ?? {}) as { protocol?: unknown };
    if (protocol === PROTOCOL_VERSION) return next();
    const refusal: HandshakeRefusal = { code: PROTOCOL_MISMATCH, serverProtocol: PROTOCOL_VERSION };
    next(
      Object.assign(new Error("Plenary has been updated since this page was loaded: reload the page to continue."), {
        data: refusal,
      }),
    );
  });

  io.use(async (socket, next) => {
    try {
      const sessionId = await readSessionId(sessionCookie, socket.handshake.headers.cookie);
      const user = await core.auth.userForSession(sessionId);
      socket.data.actor = user ? { userId: user.id, sessionId: user.sessionId } : null;
      socket.data.name = user?.name ?? null;
      // Lets a failed handler tell "the database is away" (retry later) from a bug.
      socket.data.health = () => core.health();
      next();
    } catch (e) {
      core.log.error("socket handshake failed", { error: (e as Error).message });
      next(new Error("The server could not check your session. Please try again."));
    }
  });

  io.on("connection", (socket) => {
    // The person's and the session's own channels, so the core can reach or disconnect them (sign-out, role changes).
    void socket.join(personalChannels(socket.data.actor));

    handle(socket, core.log, "session:whoami", z.undefined().or(z.object({})), async (_input, who) => ({
      userId: who?.userId ?? null,
      name: socket.data.name,
    }));

    handle(socket, core.log, "event:follow", eventRef, async ({ eventId }, who) => {
      await socket.join((await core.events.follow(who, eventId)).channels);
      return { following: eventId };
    });

    handle(
      socket,
      core.log,
      "event:announce",
      eventRef.extend({ message: z.string().max(2000) }),
      async ({ eventId, message }, who) => core.events.announce(who, eventId, { message }),
    );

    attachLiveHandlers(socket, core);
    attachBoardHandlers(socket, core, limits);

    // Socket.IO drops unknown events silently; answer them so a client bug shows.
    socket.onAny((event: string, ...args: unknown[]) => {
      if (socket.listeners(event as ClientEvent).length > 0) return;
      const error: AckError = { code: "unknown_event", message: `Unknown event "${String(event).slice(0, 64)}".` };
      const ack = args[args.length - 1];
      if (typeof ack === "function") ack({ ok: false, error });
    });
  });
}
