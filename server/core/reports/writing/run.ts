import type { Draft, ReportWriter, WriterBrief } from "./contract";
import { WriterError } from "./contract";
import { ground } from "./ground";
import { writeOffline } from "./offline";

/** What the report editor tells the secretariat about the last draft. */
export type WriterReport = {
  writer: "offline" | "model";
  model?: string;
  /** Set when a configured model was not used: the offline writer drafted the report instead. */
  fallback?: { reason: "timeout" | "unreachable" | "http" | "invalid"; detail: string };
  /** Sentences the grounding check kept, and those it dropped (they cited nothing, or something the writer was not given). */
  kept: number;
  dropped: number;
  /** Themes the model left without a grounded paragraph, drafted by the offline writer. */
  offlineThemes: number;
  ms: number;
};

/** Which writer wrote each part: "summary", "takeaways", a theme's id; the lists of remaining notes are the offline writer's. */
export type Authorship = Record<string, "offline" | "model">;

/**
 * Drafts with the language model when one is configured, else (or when it fails, times out or
 * answers nonsense) with the offline writer. Whatever wrote it, every sentence passes the
 * grounding check; a theme left without a sentence gets the offline writer's paragraph.
 */
export async function writeDraft(
  brief: WriterBrief,
  model: ReportWriter | null,
  names: string[],
): Promise<{ draft: Draft; report: WriterReport; authorship: Authorship }> {
  const started = Date.now();
  const offline = ground(writeOffline(brief), brief, names);
  if (!model)
    return {
      draft: offline.draft,
      report: {
        writer: "offline",
        kept: offline.kept,
        dropped: offline.dropped,
        offlineThemes: 0,
        ms: Date.now() - started,
      },
      authorship: {},
    };
  try {
    const raw = await model.write(brief);
    const g = ground(raw, brief, names);
    const authorship: Authorship = { summary: "model", takeaways: "model" };
    let offlineThemes = 0;
    for (const t of brief.themes) {
      authorship[t.id] = "model";
      if (!g.draft.themes[t.id] && offline.draft.themes[t.id]) {
        g.draft.themes[t.id] = offline.draft.themes[t.id]!;
        authorship[t.id] = "offline";
        offlineThemes++;
      }
    }
    // The model does not write the lists of remaining notes; the offline writer does.
    g.draft.others = offline.draft.others;
    if (!g.draft.summary.length) {
      g.draft.summary = offline.draft.summary;
      authorship.summary = "offline";
    }
    if (!g.draft.takeaways.length) {
      g.draft.takeaways = offline.draft.takeaways;
      authorship.takeaways = "offline";
    }
    return {
      draft: g.draft,
      report: {
        writer: "model",
        model: model.model,
        kept: g.kept,
        dropped: g.dropped,
        offlineThemes,
        ms: Date.now() - started,
      },
      authorship,
    };
  } catch (e) {
    const err =
      e instanceof WriterError ? e : new WriterError("invalid", `failed (${(e as Error).message ?? String(e)})`);
    return {
      draft: offline.draft,
      report: {
        writer: "offline",
        ...(model.model ? { model: model.model } : {}),
        fallback: { reason: err.reason, detail: err.message },
        kept: offline.kept,
        dropped: offline.dropped,
        offlineThemes: 0,
        ms: Date.now() - started,
      },
      authorship: {},
    };
  }
}
