import type { Announcements } from "@dnd-kit/core";
import { describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES, createI18n } from "../../app/i18n";
import { boardAnnouncements, dropOutcome } from "../../app/components/room/board-drag";

// A board with two clusters and three notes, ids shaped as the real ones (UUIDs), so a sentence
// that reads an id out is caught.
const CARE = "0ef60169-0000-4000-8000-000000000001";
const VOICE = "0ef60169-0000-4000-8000-000000000002";
const IN_CARE = "ce98c253-0000-4000-8000-000000000001";
const LOOSE = "ce98c253-0000-4000-8000-000000000002";
const board = {
  clusters: { [CARE]: { label: "Childcare" }, [VOICE]: { label: "Having a voice" } },
  notes: {
    [IN_CARE]: { text: "No childcare during evening consultations", clusterId: CARE },
    [LOOSE]: { text: "Women speak less in mixed meetings", clusterId: null },
  },
};
const col = "challenges";
const on = (cluster: string) => `${cluster}@${col}`;
const NONE = `none:${col}`;
const headerOf = (cluster: string, column = col) => `cluster:${cluster}@${column}`;

type Step = keyof Announcements;
const event = (active: string, over?: string) =>
  ({ active: { id: active }, over: over ? { id: over } : null }) as unknown as Parameters<
    Announcements["onDragEnd"]
  >[0];
const hear = (a: Announcements, step: Step, active: string, over?: string) => a[step]!(event(active, over)) ?? "";

describe("what a drop on the board does", () => {
  it("moves a note into another cluster, or out of its cluster", () => {
    expect(dropOutcome(LOOSE, on(VOICE), board)).toEqual({ kind: "move", noteId: LOOSE, clusterId: VOICE });
    expect(dropOutcome(IN_CARE, NONE, board)).toEqual({ kind: "move", noteId: IN_CARE, clusterId: null });
  });

  it("leaves a note dropped where it already is", () => {
    expect(dropOutcome(IN_CARE, on(CARE), board)).toEqual({ kind: "stay" });
    expect(dropOutcome(LOOSE, NONE, board)).toEqual({ kind: "stay" });
  });

  it("merges a cluster dropped on another, and nothing else", () => {
    expect(dropOutcome(headerOf(VOICE), on(CARE), board)).toEqual({
      kind: "merge",
      fromClusterId: VOICE,
      clusterId: CARE,
    });
    // On itself, shown in another column (a cluster of no category is in every column), or on "not clustered".
    expect(dropOutcome(headerOf(CARE, "barriers"), on(CARE), board)).toEqual({ kind: "stay" });
    expect(dropOutcome(headerOf(CARE), NONE, board)).toEqual({ kind: "stay" });
  });
});

describe("what a screen reader hears", () => {
  const en = boardAnnouncements(createI18n("en").t, board);

  it("names the note by its words and the cluster by its label, saying which is which", () => {
    expect(hear(en, "onDragStart", LOOSE)).toBe("Picked up the note “Women speak less in mixed meetings”.");
    expect(hear(en, "onDragOver", LOOSE, on(VOICE))).toBe(
      "The note “Women speak less in mixed meetings” is over the cluster “Having a voice”.",
    );
    expect(hear(en, "onDragEnd", LOOSE, on(VOICE))).toBe(
      "The note “Women speak less in mixed meetings” was moved to the cluster “Having a voice”.",
    );
    expect(hear(en, "onDragOver", IN_CARE, NONE)).toBe(
      "The note “No childcare during evening consultations” is over the notes not in a cluster.",
    );
    expect(hear(en, "onDragEnd", IN_CARE, NONE)).toBe(
      "The note “No childcare during evening consultations” was taken out of its cluster.",
    );
    expect(hear(en, "onDragEnd", LOOSE)).toBe("Moving the note “Women speak less in mixed meetings” was cancelled.");
  });

  it("says what a drop did, not what it might have done", () => {
    expect(hear(en, "onDragEnd", IN_CARE, on(CARE))).toBe(
      "The note “No childcare during evening consultations” stays where it was.",
    );
    expect(hear(en, "onDragOver", headerOf(VOICE), on(CARE))).toBe(
      "The cluster “Having a voice” is over the cluster “Childcare”: drop it there to merge them.",
    );
    expect(hear(en, "onDragEnd", headerOf(VOICE), on(CARE))).toBe(
      "The cluster “Having a voice” was merged into the cluster “Childcare”.",
    );
    // Over itself a cluster is over no other cluster, and dropped there it stays.
    expect(hear(en, "onDragOver", headerOf(CARE), on(CARE))).toBe(
      "The cluster “Childcare” is not over another cluster.",
    );
    expect(hear(en, "onDragEnd", headerOf(CARE), NONE)).toBe("The cluster “Childcare” stays where it was.");
  });

  it.each(SUPPORTED_LOCALES)(
    "in %s, every sentence is written out, names the thing moved and reads no id",
    (locale) => {
      const a = boardAnnouncements(createI18n(locale).t, board);
      const heard = [
        hear(a, "onDragStart", LOOSE),
        hear(a, "onDragOver", LOOSE, on(VOICE)),
        hear(a, "onDragOver", LOOSE, NONE),
        hear(a, "onDragOver", LOOSE),
        hear(a, "onDragEnd", LOOSE, on(VOICE)),
        hear(a, "onDragEnd", IN_CARE, NONE),
        hear(a, "onDragEnd", LOOSE, NONE),
        hear(a, "onDragCancel", LOOSE),
        hear(a, "onDragStart", headerOf(VOICE)),
        hear(a, "onDragOver", headerOf(VOICE), on(CARE)),
        hear(a, "onDragOver", headerOf(VOICE)),
        hear(a, "onDragEnd", headerOf(VOICE), on(CARE)),
        hear(a, "onDragEnd", headerOf(VOICE), NONE),
        hear(a, "onDragCancel", headerOf(VOICE)),
      ];
      expect(new Set(heard).size).toBe(heard.length);
      for (const sentence of heard) {
        expect(sentence).not.toMatch(/dnd\.|\{\{/);
        expect(sentence).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
        expect(sentence).toMatch(/Women speak less|No childcare|Having a voice/);
      }
    },
  );
});
