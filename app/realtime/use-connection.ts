import { useEffect, useState } from "react";
import { getSocket, isOutdated, onOutdated } from "./socket.client";

/** `outdated`: the server speaks a newer protocol than this page; only a reload helps. */
export type ConnectionState = "connecting" | "online" | "offline" | "outdated";

/** The socket's connection state, for a visible "connection lost" or "reload to update" notice. */
export function useConnection(): ConnectionState {
  // socket.client.ts is left out of the server's bundle: it is read only in effects, never while rendering.
  const [state, setState] = useState<ConnectionState>("connecting");
  useEffect(() => {
    let cancelled = false;
    const set = (next: ConnectionState) => !cancelled && setState(isOutdated() ? "outdated" : next);
    const on = () => set("online");
    const off = () => set("offline");
    const stopOutdated = onOutdated(() => set("outdated"));
    if (isOutdated()) set("outdated");
    void getSocket().then((s) => {
      if (cancelled) return;
      if (s.connected) on();
      s.on("connect", on);
      s.on("disconnect", off);
      s.on("connect_error", off);
      s.io.on("reconnect_attempt", off);
    });
    return () => {
      cancelled = true;
      stopOutdated();
      void getSocket().then((s) => {
        s.off("connect", on);
        s.off("disconnect", off);
        s.off("connect_error", off);
        s.io.off("reconnect_attempt", off);
      });
    };
  }, []);
  return state;
}
