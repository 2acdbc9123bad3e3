import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { getSocket, request } from "./socket.client";

/**
 * Reloads the page's data when the server says something it shows changed
 * (from any process), at most a few times a second.
 */
export function useLiveRevalidate(joinEvent: string, payload: unknown, events: string[]) {
  const { revalidate } = useRevalidator();
  const key = events.join(",");
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
      for (const e of key.split(",")) s.on(e, onChange);
      s.on("connect", join);
      if (s.connected) join();
    });
    return () => {
      cancelled = true;
      clearTimeout(timer);
      void getSocket().then((s) => {
        for (const e of key.split(",")) s.off(e, onChange);
        s.off("connect", join);
      });
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [joinEvent, JSON.stringify(payload), key, revalidate]);
}
