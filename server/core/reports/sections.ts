import { DateTime } from "luxon";
import { isolateIn, listOf } from "./lists";
import { type Composition, Writing, md, paragraphs, quote } from "./compose";
import type { ActionRecord, ReportData } from "./data";
import type { MachineParagraph } from "./machine";
import { findingsSection } from "./sections-findings";
import { panelSection, participationSection, programmeSection } from "./sections-people";
import { reportTexts, type ReportTexts } from "./texts";

export { md } from "./compose";

/** The generated sections, in their reading order. The secretariat adds free sections among them. */
export const SECTION_KEYS = [
  "cover",
  "summary",
  "introduction",
  "participation",
  "programme",
  "panel",
  "findings",
  "takeaways",
  "actions",
  "quotes",
  "resources",
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export type GeneratedSection = { key: SectionKey; title: string; markdown: string; machine: MachineParagraph[] };
/** Figures a report draws as charts; the Markdown refers to them by name in a ```chart block. */
export type ReportFigures = { categories: { label: string; count: number }[] };

/** The event's date and times in its zone: parts joined by the language's comma, the zone's name set apart in Arabic. */
function when(d: ReportData, t: ReportTexts, locale: string) {
  const s = DateTime.fromISO(d.event.startsAt, { zone: d.event.timezone }).setLocale(locale);
  const e = DateTime.fromISO(d.event.endsAt, { zone: d.event.timezone }).setLocale(locale);
  const day = s.toLocaleString(DateTime.DATE_FULL);
  const sameDay = s.hasSame(e, "day");
  const end = sameDay ? e.toLocaleString(DateTime.TIME_SIMPLE) : e.toLocaleString(DateTime.DATETIME_MED);
  const zone = `${s.toFormat("ZZZZ")}${t.separator}${isolateIn(locale, d.event.timezone)}`;
  return `${day}${t.separator}${s.toLocaleString(DateTime.TIME_SIMPLE)}–${end} (${zone})`;
}

const languageName = (code: string, locale: string) => {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
};

function cover(d: ReportData, t: ReportTexts, locale: string) {
  const lines = [`**${t.summaryReport}**`, "", `**${t.date}:** ${when(d, t, locale)}`];
  if (d.event.organisers.length) lines.push("", `**${t.organisedBy}:** ${listOf(d.event.organisers.map(md), locale)}`);
  if (d.event.partners.length) lines.push("", `**${t.partners}:** ${listOf(d.event.partners.map(md), locale)}`);
  return lines.join("\n");
}

export const hasPanel = (d: ReportData) => d.agenda.some((a) => a.speakers.length > 0);

function introduction(d: ReportData, t: ReportTexts, locale: string) {
  const out = [d.event.description.trim() || t.noDescription, ""];
  out.push(
    `**${t.format}:** ${t.formats[d.event.format] ?? d.event.format}${d.event.venue ? ` · **${t.venue}:** ${md(d.event.venue)}` : ""}`,
  );
  if (d.event.languages.length)
    out.push(
      "",
      `**${t.languages}:** ${listOf(
        d.event.languages.map((l) => languageName(l, locale)),
        locale,
      )}`,
    );
  // The panel is on the record and the discussions are under the rule: the report says both, in that order.
  if (d.event.chathamHouse) {
    if (hasPanel(d)) out.push("", `*${t.panelOnRecord}*`);
    out.push("", `*${t.chathamHouse}*`);
  }
  return out.join("\n");
}

/** The way forward: every action item with its details; drafted items only once a person reviewed them, when published. */
export function wayForward(
  items: ActionRecord[],
  t: ReportTexts,
  locale: string,
  timezone: string,
  forPublication = false,
): string {
  const shown = items.filter((a) => a.status !== "dropped" && (a.reviewed || !forPublication));
  if (!shown.length) return t.noActions;
  const order = ["agreed", "in_progress", "done", "proposed"];
  const due = (iso: string) =>
    DateTime.fromISO(iso, { zone: timezone }).setLocale(locale).toLocaleString(DateTime.DATE_FULL);
  const at = (iso: string) =>
    DateTime.fromISO(iso, { zone: timezone }).setLocale(locale).toLocaleString(DateTime.DATE_MED);
  return shown
    .slice()
    .sort((a, b) => Number(b.reviewed) - Number(a.reviewed) || order.indexOf(a.status) - order.indexOf(b.status))
    .map((a, i) => {
      const facts = [
        a.owner
          ? `- **${t.owner}:** ${md(a.owner)}`
          : a.suggestedOwner
            ? `- **${t.suggestedOwner}:** ${md(a.suggestedOwner)}`
            : "",
        a.dueDate ? `- **${t.due}:** ${due(a.dueDate)}` : "",
        `- **${t.status}:** ${t.statuses[a.status] ?? a.status}`,
        a.from
          ? `- **${t.from}:** ${md(a.from)}${a.sourceNoteIds.length ? `, ${t.basedOn(a.sourceNoteIds.length)}` : ""}`
          : "",
        a.progress ? `- **${t.progress}:** ${md(a.progress.note)} (${at(a.progress.at)})` : "",
      ].filter(Boolean);
      return [
        `#### ${i + 1}\\. ${md(a.title)}`,
        ...(a.description.trim() ? ["", paragraphs(a.description)] : []),
        "",
        facts.join("\n"),
        ...(a.reviewed ? [] : ["", `*${t.awaitingReview}*`]),
      ].join("\n");
    })
    .join("\n\n");
}

function resources(d: ReportData, t: ReportTexts) {
  if (!d.resources.length) return t.noResources;
  return d.resources.map((r) => `- [${md(r.title)}](${encodeURI(r.url).replace(/\)/g, "%29")})`).join("\n");
}

/** Sections built from the event's records alone (no themes, no writer): refreshed when those records change. */
export const DATA_SECTIONS = ["participation", "panel", "actions"] as const;
export function dataSection(
  key: (typeof DATA_SECTIONS)[number],
  d: ReportData,
  forPublication = false,
): Omit<GeneratedSection, "machine"> {
  const t = reportTexts(d.locale);
  const markdown =
    key === "participation"
      ? participationSection(d, t, d.locale)
      : key === "panel"
        ? panelSection(d, t)
        : wayForward(d.actionItems, t, d.locale, d.event.timezone, forPublication);
  return { key, title: t.sections[key], markdown };
}

/** Every generated section of a report, in reading order. */
export function composeSections(c: Composition): { sections: GeneratedSection[]; figures: ReportFigures } {
  const d = c.data;
  const locale = d.locale;
  const t = reportTexts(locale);
  const writerOf = (part: string) => c.authorship?.[part] ?? c.writer ?? "offline";
  const section = (key: SectionKey, build: (w: Writing) => string): GeneratedSection => {
    const w = new Writing(writerOf);
    const markdown = build(w);
    return { key, title: key === "cover" ? d.event.title : t.sections[key], markdown, machine: w.machine };
  };
  const byId = new Map(d.notes.map((n) => [n.id, n]));
  const sections: GeneratedSection[] = [
    section("cover", () => cover(d, t, locale)),
    section("summary", (w) => (c.draft.summary.length ? w.paragraph("summary", c.draft.summary) : t.noSummary)),
    section("introduction", () => introduction(d, t, locale)),
    section("participation", () => participationSection(d, t, locale)),
    section("programme", () => programmeSection(d, t, locale)),
    section("panel", () => panelSection(d, t)),
    section("findings", (w) => findingsSection(c, t, w)),
    section("takeaways", (w) =>
      c.draft.takeaways.length
        ? c.draft.takeaways.map((k) => w.paragraph("takeaways", k.sentences, k.title)).join("\n\n")
        : t.noTakeaways,
    ),
    section("actions", () => wayForward(d.actionItems, t, locale, d.event.timezone)),
    // Speakers' and rapporteurs' quotes stand in the panel and under each room; these are more voices from the boards.
    section("quotes", () =>
      c.quotes.more.length
        ? c.quotes.more
            .map((id) => {
              const n = byId.get(id)!;
              return quote(n.text, n.quote!.attribution || t.participant, t.quoteMarks);
            })
            .join("\n\n")
        : t.noQuotes,
    ),
    section("resources", () => resources(d, t)),
  ];
  return {
    sections,
    figures: { categories: d.participation.categories.map((x) => ({ label: x.label, count: x.count })) },
  };
}
