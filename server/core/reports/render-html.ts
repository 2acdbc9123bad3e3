import { directionOf } from "../i18n/locales";
import { renderMarkdown } from "../markdown";
import type { ReportContent } from "./content";
import { markBlocks } from "./machine";
import { versionLine } from "./publication";
import type { ReportFigures } from "./sections";
import { reportTexts } from "./texts";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const CHART = /^```chart\s*\n\s*([a-z_]+)\s*\n```\s*$/gm;

/** A horizontal bar chart drawn from numbers (labels escaped), so it prints sharply and needs no script. */
export function barChartSvg(title: string, rows: { label: string; count: number }[]): string {
  if (!rows.length) return "";
  const max = Math.max(...rows.map((r) => r.count), 1);
  const rowH = 26;
  const labelW = 260;
  const barW = 300;
  const h = rows.length * rowH + 10;
  const bars = rows
    .map((r, i) => {
      const y = i * rowH + 5;
      const w = Math.max(2, Math.round((r.count / max) * barW));
      return `<text x="${labelW - 8}" y="${y + 17}" text-anchor="end" font-size="13">${escapeHtml(r.label.length > 38 ? `${r.label.slice(0, 37)}…` : r.label)}</text><rect x="${labelW}" y="${y + 4}" width="${w}" height="18" fill="#1f5f8b"/><text x="${labelW + w + 6}" y="${y + 17}" font-size="13">${r.count}</text>`;
    })
    .join("");
  return `<figure class="chart"><svg role="img" aria-label="${escapeHtml(title)}" direction="ltr" viewBox="0 0 ${labelW + barW + 50} ${h}" width="100%" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif"><title>${escapeHtml(title)}</title>${bars}</svg></figure>`;
}

/** Markdown as safe HTML, with ```chart blocks replaced by the named figure. */
function withCharts(markdown: string, figures: ReportFigures, chartTitle: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const m of markdown.matchAll(CHART)) {
    parts.push(renderMarkdown(markdown.slice(last, m.index)));
    const data = (figures as Record<string, { label: string; count: number }[] | undefined>)[m[1]!];
    if (data) parts.push(barChartSvg(chartTitle, data));
    last = m.index! + m[0].length;
  }
  parts.push(renderMarkdown(markdown.slice(last)));
  return parts.join("");
}

/** How machine-written paragraphs are marked: their label, and (in the editor) which writer drafted them. */
export type MachineMarks = {
  paragraphs: readonly { text: string; writer: string }[];
  label: string;
  writers?: Record<string, string>;
};

/**
 * One section's Markdown as safe HTML, with ```chart blocks replaced by the named figure and
 * each paragraph still as a writer drafted it marked as machine-written.
 */
export function sectionHtml(
  markdown: string,
  figures: ReportFigures,
  chartTitle = "Participants by stakeholder group",
  marks?: MachineMarks,
): string {
  if (!marks?.paragraphs.length) return withCharts(markdown, figures, chartTitle);
  return markBlocks(markdown, marks.paragraphs)
    .map((b) => {
      if (!b.machine) return withCharts(b.raw, figures, chartTitle);
      const writer = marks.writers?.[b.machine.writer];
      return `<div class="machine-text" data-writer="${escapeHtml(b.machine.writer)}"><p class="machine-label">${escapeHtml(marks.label)}${writer ? ` · ${escapeHtml(writer)}` : ""}</p>${renderMarkdown(b.raw)}</div>`;
    })
    .join("");
}

export const REPORT_CSS = `
body{font-family:"DejaVu Sans",Arial,sans-serif;color:#1b1b1b;line-height:1.5;margin:0;padding:0 1rem;max-width:48rem;margin-inline:auto}
h1{font-size:1.8rem;margin:1.5rem 0 .25rem}h2{font-size:1.35rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1.1rem}h4{font-size:1rem;margin-bottom:.25rem}
table{border-collapse:collapse;width:100%;margin:.75rem 0}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:start;vertical-align:top}
blockquote{margin:.25rem 0 .5rem 1rem;padding-inline-start:.75rem;border-inline-start:3px solid #1f5f8b;color:#333}
figure.chart{margin:1rem 0}.meta{color:#555}.notice{border:2px solid #a33;padding:.5rem 1rem}
.machine-text{border-inline-start:3px dotted #8a8a8a;padding-inline-start:.6rem;margin:.5rem 0}.machine-label{font-size:.75rem;color:#5a5a5a;margin:0;font-style:italic}
@media print{body{max-width:none;padding:0}h2{break-after:avoid}figure,table,blockquote{break-inside:avoid}a{color:inherit}}
`;

/** A whole report as a standalone HTML document: what the PDF prints. */
export function reportDocument(
  c: ReportContent,
  labels: { version: string; draft: string; changeNote: string },
): string {
  const t = reportTexts(c.locale);
  const meta = versionLine(c, labels);
  const html = (s: ReportContent["sections"][number]) =>
    sectionHtml(s.markdown, c.figures, t.chartTitle, { paragraphs: s.machine ?? [], label: t.machineDrafted });
  const body = c.sections
    .map((s) =>
      s.key === "cover"
        ? `<header><h1>${escapeHtml(c.title)}</h1>${html(s)}<p class="meta">${escapeHtml(meta)}</p>${c.changeNote ? `<p class="meta">${escapeHtml(labels.changeNote)}: ${escapeHtml(c.changeNote)}</p>` : ""}</header>`
        : `<section><h2>${escapeHtml(s.title)}</h2>${html(s)}</section>`,
    )
    .join("\n");
  const dir = directionOf(c.locale);
  return `<!doctype html><html lang="${escapeHtml(c.locale)}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(c.title)}</title><style>${REPORT_CSS}</style></head><body>${body}</body></html>`;
}
