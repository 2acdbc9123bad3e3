import type { Socket } from "socket.io-client";
import { keepConnecting } from "./reconnect";

let socket: Promise<Socket> | undefined;

/**
 * One Socket.IO connection per page, shared by every live component. The
 * session cookie authenticates it; the server decides what it may follow.
 */
export function getSocket(): Promise<Socket> {
  socket ??= import("socket.io-client").then(({ io }) => {
    const s = io({ transports: ["websocket", "polling"] });
    // A handshake refused (the server could not check the session) is not retried by Socket.IO: retry it ourselves.
    keepConnecting(s);
    // A handle for end-to-end tests to cut the connection the way a network drop would.
    (window as unknown as { __plenarySocket?: Socket }).__plenarySocket = s;
    return s;
  });
  return socket;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** Emits with an ack and a timeout, so a dead connection surfaces as an error instead of a hang. */
export async function request<T>(event: string, payload: unknown, timeoutMs = 5000): Promise<Ack<T>> {
  const s = await getSocket();
  try {
    return (await s.timeout(timeoutMs).emitWithAck(event, payload)) as Ack<T>;
  } catch {
    return { ok: false, error: { code: "timeout", message: "The server did not answer in time." } };
  }
}
