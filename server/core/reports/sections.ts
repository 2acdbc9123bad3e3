import { DateTime } from "luxon";
import { countryName } from "../countries";
import type { ClusterFinding, FindingGroup, ReportData } from "./data";
import { reportTexts, type ReportTexts } from "./texts";

export const SECTION_KEYS = [
  "cover",
  "introduction",
  "participation",
  "programme",
  "findings",
  "takeaways",
  "actions",
  "quotes",
  "resources",
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export type GeneratedSection = { key: SectionKey; title: string; markdown: string };
/** Figures a report draws as charts; the Markdown refers to them by name in a ```chart block. */
export type ReportFigures = { categories: { label: string; count: number }[] };

/** Markdown special characters in data typed by people are escaped, so a name cannot become a link or a heading. */
export const md = (s: string) =>
  s
    .replace(/\s*\n\s*/g, " ")
    .replace(/([\\`*_[\]<>|~])/g, "\\$1")
    .replace(/^([#+-])/, "\\$1")
    .replace(/^(\d+)\./, "$1\\.");
const cell = (s: string) => md(s) || " ";
const table = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
const quote = (text: string, attribution: string) => `> “${md(text)}” — ${md(attribution)}`;

function when(d: ReportData, locale: string) {
  const s = DateTime.fromISO(d.event.startsAt, { zone: d.event.timezone }).setLocale(locale);
  const e = DateTime.fromISO(d.event.endsAt, { zone: d.event.timezone }).setLocale(locale);
  const day = s.toLocaleString(DateTime.DATE_FULL);
  const sameDay = s.hasSame(e, "day");
  return `${day}, ${s.toLocaleString(DateTime.TIME_SIMPLE)}–${sameDay ? e.toLocaleString(DateTime.TIME_SIMPLE) : e.toLocaleString(DateTime.DATETIME_MED)} (${s.toFormat("ZZZZ")}, ${d.event.timezone})`;
}

const languageName = (code: string, locale: string) => {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
};

function cover(d: ReportData, t: ReportTexts, locale: string) {
  const lines = [`**${t.summaryReport}**`, "", `**${t.date}:** ${when(d, locale)}`];
  if (d.event.organisers.length) lines.push("", `**${t.organisedBy}:** ${d.event.organisers.map(md).join(", ")}`);
  if (d.event.partners.length) lines.push("", `**${t.partners}:** ${d.event.partners.map(md).join(", ")}`);
  return lines.join("\n");
}

function introduction(d: ReportData, t: ReportTexts, locale: string) {
  const out = [d.event.description.trim() || t.noDescription, ""];
  out.push(
    `**${t.format}:** ${t.formats[d.event.format] ?? d.event.format}${d.event.venue ? ` · **${t.venue}:** ${md(d.event.venue)}` : ""}`,
  );
  if (d.event.languages.length)
    out.push("", `**${t.languages}:** ${d.event.languages.map((l) => languageName(l, locale)).join(", ")}`);
  if (d.event.chathamHouse) out.push("", `*${t.chathamHouse}*`);
  return out.join("\n");
}

function participation(d: ReportData, t: ReportTexts, locale: string) {
  const p = d.participation;
  if (p.registered === 0) return t.noParticipants;
  const out = [
    t.participationSummary({
      registered: p.registered,
      attended: p.attended,
      organisations: p.organisations,
      countries: p.countries.length,
      cities: p.cities.length,
    }),
  ];
  if (p.categories.length)
    out.push(
      "",
      "```chart\ncategories\n```",
      "",
      table(
        [t.stakeholderGroup, t.participants],
        p.categories.map((c) => [cell(c.label), String(c.count)]),
      ),
    );
  if (p.countries.length)
    out.push(
      "",
      table(
        [t.country, t.participants],
        p.countries.map((c) => [cell(countryName(c.country, locale) || c.country), String(c.count)]),
      ),
    );
  if (p.cities.length) out.push("", `**${t.cities}:** ${p.cities.map((c) => md(c.city)).join(", ")}`);
  return out.join("\n");
}

function programme(d: ReportData, t: ReportTexts, locale: string) {
  if (!d.agenda.length) return t.noAgenda;
  const time = (iso: string) =>
    DateTime.fromISO(iso, { zone: d.event.timezone }).setLocale(locale).toLocaleString(DateTime.TIME_SIMPLE);
  return d.agenda
    .map((a) => {
      const head = `- **${time(a.startsAt)}–${time(a.endsAt)}** ${md(a.title)}`;
      const speakers = a.speakers.map(
        (s) =>
          `  - ${md(s.name)}${s.title ? `, ${md(s.title)}` : ""}${s.organisation ? `, ${md(s.organisation)}` : ""}`,
      );
      return [head, ...speakers].join("\n");
    })
    .join("\n");
}

const rank = (a: ClusterFinding, b: ClusterFinding) =>
  b.notes - a.notes || b.votes - a.votes || a.label.localeCompare(b.label);

function clusterLines(c: ClusterFinding, i: number, t: ReportTexts, totalRooms: number | null) {
  const rooms = totalRooms === null ? "" : t.raisedIn(c.rooms, totalRooms);
  const facts = [
    t.notesCount(c.notes),
    ...(c.votes ? [t.votesCount(c.votes)] : []),
    ...(rooms ? [rooms] : []),
    ...(c.automatic ? [t.automatic] : []),
  ];
  const lines = [`${i + 1}. **${md(c.label)}** (${facts.join(", ")})`];
  // A blank line between quotes keeps each its own blockquote inside the list item.
  for (const q of c.quotable.slice(0, 3)) lines.push("", `   ${quote(q.text, q.attribution)}`);
  return lines.join("\n");
}

function groupMarkdown(g: FindingGroup, t: ReportTexts, totalRooms: number | null) {
  const out: string[] = [];
  if (g.question) out.push(`**${t.question}:** ${md(g.question)}`, "");
  if (!g.notes) return [...out, t.noNotes].join("\n");
  for (const category of g.categories) {
    const clusters = g.clusters.filter((c) => c.category === category).sort(rank);
    if (!clusters.length) continue;
    out.push(
      `#### ${md(t.categoryNames(category))}`,
      "",
      clusters.map((c, i) => clusterLines(c, i, t, totalRooms)).join("\n"),
      "",
    );
  }
  return out.join("\n").trim();
}

function findings(d: ReportData, t: ReportTexts) {
  if (!d.findings.length && !d.synthesis) return t.noBoards;
  const out: string[] = [];
  if (d.synthesis) out.push(`### ${t.acrossRooms}`, "", groupMarkdown(d.synthesis, t, d.roomCount), "");
  // Under a room's heading, "raised in Room A" would say nothing new.
  for (const g of d.findings) out.push(`### ${md(g.title)}`, "", groupMarkdown(g, t, null), "");
  return out.join("\n").trim();
}

function takeaways(d: ReportData, t: ReportTexts) {
  // The synthesis board's clusters already span the rooms; without one, the rooms' clusters speak.
  const pool = d.synthesis?.clusters.length ? d.synthesis.clusters : d.findings.flatMap((g) => g.clusters);
  const categories = [...new Set([...(d.synthesis?.categories ?? []), ...d.findings.flatMap((g) => g.categories)])];
  const lines = categories.flatMap((category) => {
    const top = pool
      .filter((c) => c.category === category)
      .sort(rank)
      .slice(0, 3);
    if (!top.length) return [];
    const items = top
      .map(
        (c) =>
          `“${md(c.label)}” (${[t.notesCount(c.notes), t.raisedIn(c.rooms, d.roomCount)].filter(Boolean).join(", ")})`,
      )
      .join("; ");
    return [`- ${t.strongest(md(t.categoryNames(category)), items)}`];
  });
  return lines.length ? lines.join("\n") : t.noTakeaways;
}

function actions(d: ReportData, t: ReportTexts, locale: string) {
  if (!d.actionItems.length) return t.noActions;
  const due = (iso: string | null) =>
    iso ? DateTime.fromISO(iso, { zone: d.event.timezone }).setLocale(locale).toLocaleString(DateTime.DATE_MED) : " ";
  return table(
    [t.what, t.owner, t.due, t.status, t.from],
    d.actionItems.map((a) => [
      cell(a.title),
      cell(a.owner),
      due(a.dueDate),
      t.statuses[a.status] ?? a.status,
      a.from ? cell(a.from) : " ",
    ]),
  );
}

function quotes(d: ReportData, t: ReportTexts) {
  if (!d.quotes.length) return t.noQuotes;
  return d.quotes
    .slice(0, 8)
    .map((q) => quote(q.text, q.attribution))
    .join("\n\n");
}

function resources(d: ReportData, t: ReportTexts) {
  if (!d.resources.length) return t.noResources;
  return d.resources.map((r) => `- [${md(r.title)}](${encodeURI(r.url).replace(/\)/g, "%29")})`).join("\n");
}

/** Every section of a report, generated from the event's data, in reading order. */
export function generateSections(
  d: ReportData,
  locale = "en",
): { sections: GeneratedSection[]; figures: ReportFigures } {
  const t = reportTexts(locale);
  const body: Record<SectionKey, string> = {
    cover: cover(d, t, locale),
    introduction: introduction(d, t, locale),
    participation: participation(d, t, locale),
    programme: programme(d, t, locale),
    findings: findings(d, t),
    takeaways: takeaways(d, t),
    actions: actions(d, t, locale),
    quotes: quotes(d, t),
    resources: resources(d, t),
  };
  return {
    sections: SECTION_KEYS.map((key) => ({
      key,
      title: key === "cover" ? d.event.title : t.sections[key],
      markdown: body[key],
    })),
    figures: { categories: d.participation.categories },
  };
}
