import type { ReportData } from "./data";
import type { MachineParagraph } from "./machine";
import type { ThemeSet } from "./themes";
import type { Draft, Sentence } from "./writing/contract";
import type { Authorship } from "./writing/run";

/** Markdown special characters in data typed by people are escaped, so a name cannot become a link or a heading. */
export const md = (s: string) =>
  s
    .replace(/\s*\n\s*/g, " ")
    .replace(/([\\`*_[\]<>|~])/g, "\\$1")
    .replace(/^([#+-])/, "\\$1")
    .replace(/^(\d+)\./, "$1\\.");
export const cell = (s: string) => md(s) || " ";
export const table = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
/** A quotation with its attribution, in the report language's quotation marks. */
export const quote = (text: string, attribution: string, marks: readonly [string, string] = ["“", "”"]) =>
  `> ${marks[0]}${md(text)}${marks[1]} — ${md(attribution)}`;
/** Paragraphs typed by a person (a rapporteur, the secretariat), kept as paragraphs but inert. */
export const paragraphs = (s: string) =>
  s
    .split(/\n\s*\n/)
    .map((p) => md(p.trim()))
    .filter(Boolean)
    .join("\n\n");

/** Collects a section's machine paragraphs while its Markdown is written. */
export class Writing {
  readonly machine: MachineParagraph[] = [];
  constructor(private readonly writerOf: (part: string) => "offline" | "model") {}
  /** A drafted paragraph: its sentences, escaped, in one line. */
  paragraph(part: string, sentences: Sentence[], lead?: string): string {
    const body = sentences.map((s) => md(s.text)).join(" ");
    const text = lead ? `**${md(lead.replace(/[.:;!?]+$/u, ""))}.** ${body}` : body;
    this.machine.push({ text, writer: this.writerOf(part), sentences });
    return text;
  }
}

export type Composition = {
  data: ReportData;
  set: ThemeSet;
  draft: Draft;
  quotes: { byTheme: Map<string, string[]>; more: string[] };
  /** Who wrote each part; the offline writer when nothing is said. */
  authorship?: Authorship;
  writer?: "offline" | "model";
};
