import type { Socket } from "socket.io-client";
import { isHandshakeRefusal } from "../../server/core/contract/version";

/**
 * How long to wait before the attempt-th retry: doubling from `baseMs` up to
 * `maxMs`, with jitter (between half and all of that), so a whole room of
 * clients refused at the same moment does not come back at the same moment.
 */
export function retryDelay(attempt: number, random = Math.random, baseMs = 1000, maxMs = 30_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Socket.IO reconnects by itself after a lost connection, but not after the
 * server refused the handshake (its middleware could not check the session,
 * for instance while the database was away): `socket.active` is then false
 * and nothing more happens. This keeps trying, with backoff and jitter, until
 * the server accepts again. Returns a function that stops it.
 *
 * A server that speaks another protocol version refuses for good: retrying
 * cannot help, so it stops and calls `onOutdated` (the page asks for a reload).
 */
export function keepConnecting(
  socket: Socket,
  opts: { baseMs?: number; maxMs?: number; random?: () => number; onOutdated?: () => void } = {},
): () => void {
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onConnect = () => {
    attempt = 0;
    clearTimeout(timer);
  };
  const onError = (e: Error & { data?: unknown }) => {
    if (isHandshakeRefusal(e.data)) {
      stop();
      opts.onOutdated?.();
      return;
    }
    if (socket.active) return; // a lost connection: Socket.IO's own reconnection is at work
    clearTimeout(timer);
    timer = setTimeout(() => socket.connect(), retryDelay(attempt++, opts.random, opts.baseMs, opts.maxMs));
  };
  const stop = () => {
    clearTimeout(timer);
    socket.off("connect", onConnect);
    socket.off("connect_error", onError);
  };
  socket.on("connect", onConnect);
  socket.on("connect_error", onError);
  return stop;
}
