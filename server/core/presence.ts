/**
 * Presence on a beat. Announcing who is on a board the moment someone joins
 * or leaves would time-stamp people: under the Chatham House rule, "Amal
 * joined, and a note appeared" names a note's author. So a change only marks
 * its channel, and marked channels are announced together on a fixed beat
 * (aligned to the clock, the same in every process), never in reaction to one
 * person. See docs/decisions/presence-without-timing-cues.md.
 */
export function createPresenceBeat(beatMs: number, announce: (key: string) => Promise<void>) {
  const marked = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = async () => {
    timer = null;
    const keys = [...marked];
    marked.clear();
    for (const key of keys) await announce(key).catch(() => {});
  };
  return {
    changed(key: string) {
      marked.add(key);
      if (timer) return;
      timer = setTimeout(() => void flush(), beatMs - (Date.now() % beatMs));
      timer.unref?.();
    },
  };
}

export const PRESENCE_BEAT_MS = 10_000;
