import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import type { ClusteringEngine } from "../clustering/engine";
import { type ReportData, actionRecord, loadReportData } from "./data";
import { itemChanges, stringList } from "../json-columns";
import { type Proposal, draftProposals } from "./proposals";
import { chooseQuotes } from "./quotes";
import { type GeneratedSection, type ReportFigures, SECTION_KEYS, composeSections } from "./sections";
import { buildThemes } from "./themes";
import { buildBrief } from "./writing/brief";
import type { ModelConfig } from "./writing/config";
import { createModelWriter } from "./writing/model";
import { type WriterReport, writeDraft } from "./writing/run";

export type Generation = {
  sections: GeneratedSection[];
  figures: ReportFigures;
  writer: WriterReport;
  /** For the bench: how much of the dialogue the findings carry. */
  stats: { notes: number; notesCited: number; sentences: number; sentencesCited: number; themes: number };
};

export async function loadActions(db: Db, eventId: string) {
  const items = await db.actionItem.findMany({
    where: { eventId },
    include: {
      cluster: { select: { label: true } },
      updates: { where: { note: { not: "" } }, orderBy: { createdAt: "desc" }, take: 1 },
    },
    orderBy: [{ createdAt: "asc" }],
  });
  return items.map(actionRecord);
}

/**
 * Keeps the drafted action items in step with the dialogue: new proposals are added as
 * "proposed", untouched ones are refreshed or removed when the dialogue no longer supports
 * them; anything a person reviewed (accepted, edited, dropped) stays as they left it.
 */
export async function syncProposals(db: Db, eventId: string, proposals: Proposal[]) {
  const drafted = await db.actionItem.findMany({ where: { eventId, origin: "drafted" } });
  const byKey = new Map(drafted.map((i) => [i.draftKey, i]));
  const wanted = new Set(proposals.map((p) => p.key));
  const fieldsOf = (p: Proposal) => ({
    title: p.title,
    description: p.description,
    sourceLabel: p.sourceLabel,
    sourceNoteIdsJson: stringList.write(p.sourceNoteIds),
    suggestedOwner: p.suggestedOwner,
  });
  // New proposals in two statements, whatever their number.
  const fresh = proposals
    .filter((p) => !byKey.has(p.key))
    .map((p) => ({
      id: randomUUID(),
      eventId,
      origin: "drafted",
      draftKey: p.key,
      status: "proposed",
      ...fieldsOf(p),
    }));
  if (fresh.length) {
    await db.actionItem.createMany({ data: fresh });
    await db.actionItemUpdate.createMany({
      data: fresh.map((i) => ({
        actionItemId: i.id,
        userId: null,
        changesJson: itemChanges.write({ created: [null, i.title] }),
      })),
    });
  }
  for (const p of proposals) {
    const e = byKey.get(p.key);
    const fields = fieldsOf(p);
    const changed = e && (Object.keys(fields) as (keyof typeof fields)[]).some((k) => e[k] !== fields[k]);
    if (e && !e.reviewedAt && changed) await db.actionItem.update({ where: { id: e.id }, data: fields });
  }
  const stale = drafted.filter((i) => !i.reviewedAt && i.draftKey && !wanted.has(i.draftKey)).map((i) => i.id);
  if (stale.length) await db.actionItem.deleteMany({ where: { id: { in: stale } } });
}

/** Everything a generation produces, from the event's records to the sections' Markdown. */
export async function generateReport(
  db: Db,
  eventId: string,
  locale: string,
  engine: ClusteringEngine,
  model: ModelConfig | null,
): Promise<Generation & { data: ReportData }> {
  const data = await loadReportData(db, eventId, locale);
  const set = await buildThemes(data, engine);
  // The way forward is drafted first, so the summary and the section can speak of it.
  await syncProposals(db, eventId, draftProposals(data, set));
  data.actionItems = await loadActions(db, eventId);
  const quotes = chooseQuotes(data, set);
  const quoted = new Set([...quotes.byTheme.values()].flat());
  const brief = buildBrief(data, set, data.actionItems.filter((a) => a.status !== "dropped").length, quoted);
  const { draft, report, authorship } = await writeDraft(
    brief,
    model ? createModelWriter(model, data.identities) : null,
    data.identities.names,
  );
  const { sections, figures } = composeSections({ data, set, draft, quotes, authorship, writer: report.writer });

  const machine = sections.flatMap((s) => s.machine);
  const sentences = machine.flatMap((p) => p.sentences);
  const cited = new Set(sentences.flatMap((s) => s.cites));
  const findingNotes = new Set(
    (sections.find((s) => s.key === "findings")?.machine ?? []).flatMap((p) => p.sentences.flatMap((s) => s.cites)),
  );
  return {
    data,
    sections,
    figures,
    writer: report,
    stats: {
      notes: data.notes.length,
      notesCited: data.notes.filter((n) => findingNotes.has(n.id)).length,
      sentences: sentences.length,
      sentencesCited: sentences.filter((s) => s.cites.length > 0 && s.cites.some((c) => cited.has(c))).length,
      themes: set.themes.length,
    },
  };
}

/**
 * Where each section goes: sections keep the places people gave them; a generated section the
 * report did not have yet goes after the one that precedes it in the default order.
 */
export function placeSections(existing: { key: string; position: number }[], generated: readonly string[]): string[] {
  const order = [...existing].sort((a, b) => a.position - b.position).map((s) => s.key);
  for (const key of generated) {
    if (order.includes(key)) continue;
    const before = SECTION_KEYS.slice(0, SECTION_KEYS.indexOf(key as (typeof SECTION_KEYS)[number])).reverse();
    const anchor = before.find((k) => order.includes(k));
    order.splice(anchor ? order.indexOf(anchor) + 1 : 0, 0, key);
  }
  return order;
}
