import { toCsv } from "../csv";
import { markdownText } from "../markdown";
import type { NoteView } from "./note-view";

type Snapshot = {
  board: { title: string; categories: string[] };
  event: { title: string };
  notes: NoteView[];
  clusters: { id: string; label: string }[];
};

/** Escapes Markdown so a note's text stays text (no links, HTML, headings or emphasis from users). */
export const escapeMarkdown = markdownText;

const byVotes = (a: NoteView, b: NoteView) => b.votes - a.votes || a.createdAt.localeCompare(b.createdAt);

export function boardCsv(s: Snapshot): string {
  const cluster = new Map(s.clusters.map((c) => [c.id, c.label]));
  const rows = s.notes
    .filter((n) => !n.hidden)
    .sort((a, b) => a.category.localeCompare(b.category) || byVotes(a, b))
    .map((n) => [
      n.category,
      n.clusterId ? (cluster.get(n.clusterId) ?? "") : "",
      n.text,
      n.authorLabel,
      n.votes,
      n.originRoom ?? "",
      n.createdAt,
    ]);
  return toCsv(["Category", "Cluster", "Note", "Author", "Votes", "Room of origin", "Created at (UTC)"], rows);
}

export function boardMarkdown(s: Snapshot): string {
  const lines = [`# ${escapeMarkdown(s.board.title)}`, "", `_${escapeMarkdown(s.event.title)}_`, ""];
  const visible = s.notes.filter((n) => !n.hidden);
  const note = (n: NoteView) =>
    `- ${escapeMarkdown(n.text)} (${escapeMarkdown(n.authorLabel)}${n.votes ? `, ${n.votes} votes` : ""}${n.originRoom ? `, ${escapeMarkdown(n.originRoom)}` : ""})`;
  for (const category of s.board.categories) {
    const inCat = visible.filter((n) => n.category === category);
    if (!inCat.length) continue;
    lines.push(`## ${escapeMarkdown(category[0]!.toUpperCase() + category.slice(1))}`, "");
    for (const c of s.clusters) {
      const notes = inCat.filter((n) => n.clusterId === c.id).sort(byVotes);
      if (!notes.length) continue;
      lines.push(`### ${escapeMarkdown(c.label)} (${notes.length})`, "", ...notes.map(note), "");
    }
    const loose = inCat.filter((n) => !n.clusterId || !s.clusters.some((c) => c.id === n.clusterId)).sort(byVotes);
    if (loose.length) lines.push(...loose.map(note), "");
  }
  return lines.join("\n");
}
