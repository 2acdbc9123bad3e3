import { directionOf } from "../i18n/locales";
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import { type Token, type Tokens, marked } from "marked";
import type { ReportContent } from "./content";
import { markBlocks } from "./machine";
import { versionLine } from "./publication";

type Style = { bold?: boolean; italics?: boolean };
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

/** Inline Markdown to runs: text, bold, italics and links; raw HTML is kept as plain text, never interpreted. */
function runs(tokens: Token[] | undefined, style: Style = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const t of tokens ?? []) {
    switch (t.type) {
      case "strong":
        out.push(...runs((t as Tokens.Strong).tokens, { ...style, bold: true }));
        break;
      case "em":
        out.push(...runs((t as Tokens.Em).tokens, { ...style, italics: true }));
        break;
      case "link": {
        const l = t as Tokens.Link;
        const safe = /^(https?:|mailto:)/i.test(l.href);
        if (safe)
          out.push(
            new ExternalHyperlink({
              link: l.href,
              children: [new TextRun({ text: l.text, style: "Hyperlink", ...style })],
            }),
          );
        else out.push(new TextRun({ text: l.text, ...style }));
        break;
      }
      case "br":
        out.push(new TextRun({ text: "", break: 1 }));
        break;
      case "text": {
        const tx = t as Tokens.Text;
        if (tx.tokens?.length) out.push(...runs(tx.tokens, style));
        else out.push(new TextRun({ text: tx.text, ...style }));
        break;
      }
      case "escape":
      case "codespan":
      case "html":
        out.push(new TextRun({ text: (t as Tokens.Escape).text ?? t.raw, ...style }));
        break;
      default:
        out.push(new TextRun({ text: "text" in t ? String((t as { text: unknown }).text) : t.raw, ...style }));
    }
  }
  return out.map((r) => r);
}

/** Right-to-left layout for Arabic: paragraphs start on the right and tables read from the right. */
type Direction = { rtl: boolean };
const para = (dir: Direction, options: ConstructorParameters<typeof Paragraph>[0] & object) =>
  new Paragraph({ ...options, bidirectional: dir.rtl });

function blocks(tokens: Token[], figures: ReportContent["figures"], dir: Direction, level = 0): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case "heading": {
        const h = t as Tokens.Heading;
        out.push(para(dir, { heading: HEADINGS[Math.min(5, Math.max(1, h.depth))]!, children: runs(h.tokens) }));
        break;
      }
      case "paragraph":
        out.push(para(dir, { children: runs((t as Tokens.Paragraph).tokens), spacing: { after: 120 } }));
        break;
      case "list": {
        const list = t as Tokens.List;
        list.items.forEach((item, i) => {
          const [first, ...rest] = item.tokens;
          const lead =
            first && (first.type === "text" || first.type === "paragraph")
              ? runs((first as Tokens.Text).tokens ?? ([new TextRun(first.raw)] as never))
              : [];
          const prefix = list.ordered ? [new TextRun(`${Number(list.start || 1) + i}. `)] : [];
          out.push(
            para(dir, {
              children: [...prefix, ...lead],
              ...(list.ordered ? { indent: { left: 360 * (level + 1) } } : { bullet: { level } }),
            }),
          );
          out.push(...blocks(first && lead.length ? rest : item.tokens, figures, dir, level + 1));
        });
        break;
      }
      case "blockquote":
        out.push(...blocks((t as Tokens.Blockquote).tokens, figures, dir, level));
        break;
      case "table": {
        const tb = t as Tokens.Table;
        const row = (cells: Tokens.TableCell[], header: boolean) =>
          new TableRow({
            tableHeader: header,
            children: cells.map(
              (c) =>
                new TableCell({ children: [para(dir, { children: runs(c.tokens, header ? { bold: true } : {}) })] }),
            ),
          });
        out.push(
          new Table({
            visuallyRightToLeft: dir.rtl,
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [row(tb.header, true), ...tb.rows.map((r) => row(r, false))],
          }),
        );
        out.push(para(dir, { children: [] }));
        break;
      }
      case "code": {
        const code = t as Tokens.Code;
        const data =
          code.lang === "chart"
            ? (figures as Record<string, { label: string; count: number }[] | undefined>)[code.text.trim()]
            : undefined;
        // A chart becomes a table of its figures: editable, and readable without the picture.
        if (data)
          out.push(
            new Table({
              visuallyRightToLeft: dir.rtl,
              width: { size: 100, type: WidthType.PERCENTAGE },
              rows: data.map(
                (d) =>
                  new TableRow({
                    children: [
                      new TableCell({ children: [para(dir, { children: [new TextRun(d.label)] })] }),
                      new TableCell({
                        children: [
                          para(dir, {
                            children: [
                              new TextRun(
                                `${"█".repeat(Math.max(1, Math.round((d.count / Math.max(...data.map((x) => x.count), 1)) * 20)))} ${d.count}`,
                              ),
                            ],
                          }),
                        ],
                      }),
                    ],
                  }),
              ),
            }),
          );
        else if (code.lang !== "chart")
          out.push(para(dir, { children: [new TextRun({ text: code.text, font: "Courier New" })] }));
        break;
      }
      case "hr":
        out.push(para(dir, { thematicBreak: true, children: [] }));
        break;
      case "space":
        break;
      default:
        out.push(para(dir, { children: [new TextRun(t.raw)] }));
    }
  }
  return out;
}

/** A report as a Word document with real headings and tables. */
export async function reportDocx(
  c: ReportContent,
  labels: { version: string; draft: string; changeNote: string },
  machineLabel = "Drafted automatically",
): Promise<Buffer> {
  const dir: Direction = { rtl: directionOf(c.locale) === "rtl" };
  const children: (Paragraph | Table)[] = [
    para(dir, { heading: HeadingLevel.TITLE, children: [new TextRun(c.title)] }),
  ];
  for (const s of c.sections) {
    if (s.key !== "cover")
      children.push(para(dir, { heading: HeadingLevel.HEADING_1, children: [new TextRun(s.title)] }));
    // Section Markdown uses ### and #### under the section's own heading; a machine-written paragraph has its label above it.
    for (const b of markBlocks(s.markdown, s.machine ?? [])) {
      if (b.machine)
        children.push(
          para(dir, { children: [new TextRun({ text: machineLabel, italics: true, size: 16, color: "5A5A5A" })] }),
        );
      children.push(
        ...blocks(marked.lexer(b.raw.replace(/^(#{3,6}) /gm, (_m, h: string) => `${h.slice(1)} `)), c.figures, dir),
      );
    }
    if (s.key === "cover") {
      children.push(
        para(dir, {
          children: [
            new TextRun({
              text: versionLine(c, labels),
              italics: true,
            }),
          ],
        }),
      );
      if (c.changeNote)
        children.push(
          para(dir, { children: [new TextRun({ text: `${labels.changeNote}: ${c.changeNote}`, italics: true })] }),
        );
    }
  }
  const doc = new Document({
    creator: "Plenary",
    title: c.title,
    description: c.version ? `${labels.version} ${c.version}` : labels.draft,
    // Direction is set once, as the document's defaults, so every paragraph and run (headings included) follows it.
    styles: {
      default: {
        document: {
          run: {
            font: "Calibri",
            size: 22,
            ...(dir.rtl
              ? { rightToLeft: true, language: { value: "ar-SA", bidirectional: "ar-SA" } }
              : { language: { value: c.locale } }),
          },
        },
      },
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              para(dir, {
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
