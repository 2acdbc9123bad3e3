import { useEffect, useState } from "react";

/**
 * The browser's IANA timezone. The server cannot know it, so it is null during
 * server rendering and hydration, then filled in: pages show the event's time
 * first and add the viewer's as soon as the browser reports it.
 */
export function useViewerTimezone(): string | null {
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => {
    setZone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? null);
  }, []);
  return zone;
}
