import type { Socket } from "socket.io-client";
import {
  type Ack,
  type AnswerOf,
  type ClientEvent,
  type ClientToServer,
  type HandshakeAuth,
  PROTOCOL_VERSION,
  type RequestOf,
  type ServerToClient,
} from "../../server/core/contract";
import { keepConnecting } from "./reconnect";

/** A connection that speaks the contract (server/core/contract): events and their payloads are typed both ways. */
export type PlenarySocket = Socket<ServerToClient, ClientToServer>;

let socket: Promise<PlenarySocket> | undefined;
let outdated = false;
const outdatedListeners = new Set<() => void>();

/** Whether the server speaks a newer protocol than this page's code: only a reload helps. */
export const isOutdated = () => outdated;
export function onOutdated(listener: () => void): () => void {
  outdatedListeners.add(listener);
  return () => outdatedListeners.delete(listener);
}

/**
 * One Socket.IO connection per page, shared by every live component. The
 * session cookie authenticates it; the server decides what it may follow.
 * The handshake names the protocol this page speaks: a server that speaks
 * another refuses it, and the page asks to be reloaded rather than retrying.
 */
export function getSocket(): Promise<PlenarySocket> {
  socket ??= import("socket.io-client").then(({ io }) => {
    const auth: HandshakeAuth = { protocol: PROTOCOL_VERSION };
    const s: PlenarySocket = io({ transports: ["websocket", "polling"], auth });
    // A handshake refused (the server could not check the session) is not retried by Socket.IO: retry it ourselves.
    keepConnecting(s, {
      onOutdated() {
        outdated = true;
        for (const l of outdatedListeners) l();
      },
    });
    // A handle for end-to-end tests to cut the connection the way a network drop would.
    (window as unknown as { __plenarySocket?: PlenarySocket }).__plenarySocket = s;
    return s;
  });
  return socket;
}

/** Emits with an ack and a timeout, so a dead connection surfaces as an error instead of a hang. */
export async function requestOn<E extends ClientEvent>(
  s: PlenarySocket,
  event: E,
  payload: RequestOf<E>,
  timeoutMs = 5000,
): Promise<Ack<AnswerOf<E>>> {
  try {
    // Socket.IO's types cannot spread a generic event's arguments; the contract types both ends of this call.
    const emit = s.timeout(timeoutMs).emitWithAck as (e: E, p: RequestOf<E>) => Promise<Ack<AnswerOf<E>>>;
    return await emit.call(s.timeout(timeoutMs), event, payload);
  } catch {
    return { ok: false, error: { code: "timeout", message: "The server did not answer in time." } };
  }
}

/** A request on the page's connection. */
export async function request<E extends ClientEvent>(
  event: E,
  payload: RequestOf<E>,
  timeoutMs = 5000,
): Promise<Ack<AnswerOf<E>>> {
  return requestOn(await getSocket(), event, payload, timeoutMs);
}
