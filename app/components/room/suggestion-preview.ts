import { useCallback, useMemo, useState } from "react";
import type { Operation } from "../../../server/core/boards/ops";

/** Suggested groups of one category, shown on the board itself until accepted or dismissed. */
export type SuggestedGroup = { key: string; label: string; noteIds: string[]; representativeId: string };
export type Preview = { category: string; groups: SuggestedGroup[] };

/**
 * What the facilitator is doing with a set of suggestions: the groups still proposed (previewed on
 * the board), the ones accepted (each can be undone, all at once too) and the ones dismissed.
 * Accepting goes through the ordinary board operations, so nothing here bypasses the server.
 */
export function useSuggestionPreview(
  send: (op: Operation) => void,
  notes: Record<string, { clusterId: string | null }>,
) {
  const [preview, setPreviewState] = useState<Preview | null>(null);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [accepted, setAccepted] = useState<Record<string, { clusterId: string; label: string }>>({});
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());

  const setPreview = useCallback((p: Preview | null) => {
    setPreviewState(p);
    setLabels({});
    setAccepted({});
    setDismissed(new Set());
  }, []);

  // A suggested group shows only its notes that are still loose (someone may have grouped one meanwhile).
  const pending = useMemo(
    () =>
      (preview?.groups ?? [])
        .filter((g) => !accepted[g.key] && !dismissed.has(g.key))
        .map((g) => ({
          ...g,
          label: labels[g.key] ?? g.label,
          noteIds: g.noteIds.filter((id) => notes[id] && !notes[id]!.clusterId),
        }))
        .filter((g) => g.noteIds.length > 0),
    [preview, accepted, dismissed, labels, notes],
  );

  const acceptOne = (g: SuggestedGroup, label: string) => {
    const clusterId = crypto.randomUUID();
    const name = (label.trim() || g.label).slice(0, 120);
    send({ type: "cluster.create", clusterId, label: name, category: preview?.category ?? null, noteIds: g.noteIds });
    return { clusterId, label: name };
  };

  return {
    preview,
    setPreview,
    pending,
    accepted,
    rename: (key: string, label: string) => setLabels((l) => ({ ...l, [key]: label })),
    accept: (g: SuggestedGroup) => {
      const done = acceptOne(g, g.label);
      setAccepted((a) => ({ ...a, [g.key]: done }));
    },
    acceptAll: () => {
      const done = Object.fromEntries(pending.map((g) => [g.key, acceptOne(g, g.label)]));
      setAccepted((a) => ({ ...a, ...done }));
    },
    dismiss: (key: string) => setDismissed((d) => new Set(d).add(key)),
    undo: (key: string) => {
      const done = accepted[key];
      if (!done) return;
      send({ type: "cluster.delete", clusterId: done.clusterId });
      setAccepted(({ [key]: _, ...rest }) => rest);
    },
    undoAll: () => {
      for (const done of Object.values(accepted)) send({ type: "cluster.delete", clusterId: done.clusterId });
      setAccepted({});
    },
  };
}

export type SuggestionPreview = ReturnType<typeof useSuggestionPreview>;
