import { useEffect, useState } from "react";
import { getSocket } from "./socket.client";

export type ConnectionState = "connecting" | "online" | "offline";

/** The socket's connection state, for a visible "connection lost" notice. */
export function useConnection(): ConnectionState {
  const [state, setState] = useState<ConnectionState>("connecting");
  useEffect(() => {
    let cancelled = false;
    const on = () => !cancelled && setState("online");
    const off = () => !cancelled && setState("offline");
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
