import { useRevalidator } from "@remix-run/react";
import { useEffect, useMemo } from "react";
import type { ClientEvent, RequestOf, ServerEvent } from "../../server/core/contract";
import { getSocket, request } from "./socket.client";

/**
 * Reloads the page's data when the server says something it shows changed
 * (from any process), at most a few times a second.
 */
export function useLiveRevalidate<E extends ClientEvent>(joinEvent: E, payload: RequestOf<E>, events: ServerEvent[]) {
  const { revalidate } = useRevalidator();
  const key = events.join(",");
  // The events to listen to, from the key, so the effect depends on their names rather than the array.
  const names = useMemo(() => key.split(",") as ServerEvent[], [key]);
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(() => !cancelled && revalidate(), 250);
    };
    const join = () => void request(joinEvent, payload);
    void getSocket().then((s) => {
      if (cancelled) return;
      for (const e of names) s.on(e, onChange);
      s.on("connect", join);
      if (s.connected) join();
    });
    return () => {
      cancelled = true;
      clearTimeout(timer);
      void getSocket().then((s) => {
        for (const e of names) s.off(e, onChange);
        s.off("connect", join);
      });
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [joinEvent, JSON.stringify(payload), names, revalidate]);
}
