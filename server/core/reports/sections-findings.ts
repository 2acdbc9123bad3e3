import type { RoomRecord } from "./data";
import { type Composition, type Writing, md, paragraphs, quote } from "./compose";
import type { ReportTexts } from "./texts";
import type { Theme } from "./themes";

/** The room rapporteur's own words, marked as theirs: observations, key messages, proposed actions, quotes. */
function rapporteur(r: RoomRecord, t: ReportTexts): string[] {
  const s = r.summary;
  if (!s || !(s.observations || s.keyMessages.length || s.proposedActions.length || s.quotes.length)) return [];
  const out = [`#### ${t.rapporteurSummary}`, "", `*${t.rapporteurWrote}*`, ""];
  if (s.observations) out.push(`**${t.generalObservations}**`, "", paragraphs(s.observations), "");
  if (s.keyMessages.length) out.push(`**${t.keyMessages}**`, "", s.keyMessages.map((m) => `- ${md(m)}`).join("\n"), "");
  if (s.proposedActions.length)
    out.push(`**${t.proposedActions}**`, "", s.proposedActions.map((m) => `- ${md(m)}`).join("\n"), "");
  if (s.quotes.length)
    out.push(
      `**${t.notableQuotes}**`,
      "",
      s.quotes
        .map((q) => quote(q.text, q.consent && q.attribution.trim() ? q.attribution.trim() : t.anonymous, t.quoteMarks))
        .join("\n\n"),
      "",
    );
  return out;
}

/**
 * Findings as a secretariat writes them: a heading and a paragraph per theme (what was raised,
 * how broadly, examples), one or two quotes under it; the themes across rooms first, then each
 * room with its rapporteur's summary and what was particular to it, then what no theme held.
 */
export function findingsSection(c: Composition, t: ReportTexts, w: Writing): string {
  const d = c.data;
  if (!d.rooms.length && !d.notes.length) return t.noBoards;
  const byId = new Map(d.notes.map((n) => [n.id, n]));
  const theme = (th: Theme) => {
    const out = [`#### ${md(th.label)}`, ""];
    const sentences = c.draft.themes[th.id];
    if (sentences?.length) out.push(w.paragraph(th.id, sentences), "");
    for (const id of c.quotes.byTheme.get(th.id) ?? []) {
      const n = byId.get(id)!;
      out.push(quote(n.text, n.quote!.attribution || t.participant, t.quoteMarks), "");
    }
    return out;
  };
  const others = (key: string) => {
    const sentences = c.draft.others[key];
    return sentences?.length ? [`#### ${t.otherPoints}`, "", w.paragraph(`others:${key}`, sentences), ""] : [];
  };
  const out: string[] = [];
  const cross = c.set.themes.filter((th) => th.scope === "cross");
  if (cross.length || c.draft.others[""]) {
    out.push(`### ${t.acrossRooms}`, "");
    for (const th of cross) out.push(...theme(th));
    out.push(...others(""));
  }
  for (const r of d.rooms) {
    out.push(`### ${md(r.name)}`, "");
    if (r.question) out.push(`**${t.question}:** ${md(r.question)}`, "");
    out.push(...rapporteur(r, t));
    const own = c.set.themes.filter((th) => th.scope === "room" && th.roomId === r.id);
    for (const th of own) out.push(...theme(th));
    out.push(...others(r.id));
    const notes = d.notes.some((n) => n.roomId === r.id);
    if (!notes && !r.summary) out.push(t.noNotes, "");
    else if (notes && !own.length && !c.draft.others[r.id]) out.push(t.roomInCross, "");
  }
  return out.join("\n").trim();
}
