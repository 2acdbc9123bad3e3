import type { NoteRecord, ReportData } from "./data";
import { reportTexts } from "./texts";
import { type ThemeSet, categoryKind } from "./themes";
import { inline, properWords } from "./writing/offline";

/** An action item Plenary proposes from the dialogue; the secretariat accepts, edits or drops it. */
export type Proposal = {
  /** Stable across regenerations, so an item reviewed once is never proposed again. */
  key: string;
  title: string;
  description: string;
  sourceLabel: string;
  sourceNoteIds: string[];
  suggestedOwner: string;
  weight: number;
};

/** At most this many items are drafted: a way forward, not a list of every note. */
export const MAX_PROPOSALS = 12;
const MAX_TITLE = 300;

// A note phrased as an action: an instruction, an obligation, or "X to do Y" (in the four report languages).
const VERBS_EN =
  "map|train|create|give|pay|include|set up|publish|fund|finance|ensure|provide|establish|develop|support|promote|hold|offer|build|open|adopt|invest|recruit|hire|translate|cover|make|introduce|launch|review|share|expand|extend|reserve|involve|consult|strengthen|simplify|allow|guarantee|designate|appoint|organise|organize|run|collect|monitor|evaluate|recognise|recognize|remove|end|stop|reduce|increase|protect|partner|co-design|campaign|advocate|engage";
const ACTION_PATTERNS = [
  new RegExp(`^(please\\s+|let'?s\\s+|we\\s+(should|must|will|need to)\\s+)?(${VERBS_EN})\\b`, "i"),
  new RegExp(`^(the\\s+)?[\\p{L}-]+(\\s+[\\p{L}-]+){0,2}\\s+(to|should|must|will)\\s+(${VERBS_EN})\\b`, "iu"),
  /\b(should|must|needs? to|ought to|we call (on|for)|we recommend|it is time to)\b/i,
  /^(créer|former|mettre en place|financer|garantir|assurer|publier|payer|inclure|donner|ouvrir|développer|soutenir|promouvoir|recruter|traduire|offrir|adopter|renforcer|simplifier|élargir|impliquer|consulter|organiser|reconnaître|protéger|réserver|associer)\b/i,
  /\b(il faut|doit|doivent|devrait|devraient|faudrait|nous demandons|nous recommandons|il est temps de)\b/i,
  /^(crear|formar|financiar|garantizar|asegurar|publicar|pagar|incluir|dar|abrir|desarrollar|apoyar|promover|contratar|traducir|ofrecer|adoptar|fortalecer|simplificar|ampliar|involucrar|consultar|establecer|organizar|reconocer|proteger|reservar)\b/i,
  /\b(hay que|debe|deben|debería|deberían|es necesario|recomendamos|pedimos)\b/i,
  /(يجب|ينبغي|لا بد|نوصي|نطالب|^إنشاء|^تدريب|^توفير|^ضمان|^تمويل|^دعم|^إشراك|^نشر)/u,
];

export const isActionPhrased = (text: string) => ACTION_PATTERNS.some((p) => p.test(text.trim()));

// Whom a note names as the one to act, by stakeholder group key (the defaults every event starts with).
const NAMED: [string, RegExp][] = [
  ["city_network", /\b(city networks?|network of cities|réseaux? de villes|redes? de ciudades)\b|شبكة المدن/iu],
  [
    "local_government",
    /\b(city|cities|municipal\w*|municipalit\w*|mayors?|city council|local authorit\w*|local government|villes?|mairies?|ciudad\w*|ayuntamiento\w*|municipio\w*|alcald\w*)\b|بلدي|المدينة/iu,
  ],
  [
    "national_government",
    /\b(ministr\w*|national government|governments?|states?|ministère\w*|gouvernements?|ministerio\w*|gobiernos?)\b|وزار|الحكوم/iu,
  ],
  [
    "international_org",
    /\b(UN|IOM|UNHCR|UN Women|ILO|UNDP|UNICEF|OHCHR|OIM|ONU|HCR)\b|\b(agenc\w*|agences?)\b|الأمم المتحدة|وكال/u,
  ],
  ["civil_society", /\b(NGOs?|ONGs?|civil society|société civile|sociedad civil)\b|المجتمع المدني/iu],
  [
    "migrant_led",
    /\b(migrant[- ]led|migrant (council|associations?)|diaspora|migrant women's associations?)\b|الجاليات/iu,
  ],
  [
    "academia",
    /\b(universit\w*|researchers?|research|chercheu\w*|recherche|investigador\w*|universidad\w*)\b|الجامع|الباحث/iu,
  ],
  [
    "private_sector",
    /\b(employers?|businesses|companies|private sector|chambers? of commerce|entreprises?|employeurs?|empresas?|empleador\w*|secteur privé|sector privado)\b|القطاع الخاص|أصحاب العمل/iu,
  ],
];

/** The stakeholder group a text names as the one to act, among the event's groups. */
export function namedOwner(text: string, groups: { key: string; label: string }[]): string | null {
  for (const [key, re] of NAMED) {
    const g = groups.find((x) => x.key === key);
    if (g && re.test(text)) return g.label;
  }
  return null;
}

const normalise = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** FNV-1a, for a short stable key from a line of text. */
const hash = (s: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
};

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim().slice(0, MAX_TITLE);

/**
 * Drafts the way forward from the dialogue: every note phrased as an action, one item per
 * opportunity theme without one, and the actions rapporteurs proposed. Each item keeps its
 * source theme and notes, and a suggested owner: the group it names, else the group that raised it.
 */
export function draftProposals(d: ReportData, set: ThemeSet): Proposal[] {
  const t = reportTexts(d.locale);
  const byId = new Map(d.notes.map((n) => [n.id, n]));
  const roomName = new Map(d.rooms.map((r) => [r.id, r.name]));
  const raisedBy = (notes: NoteRecord[]) => {
    const counts = new Map<string, number>();
    for (const n of notes) if (n.group) counts.set(n.group, (counts.get(n.group) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? "";
  };
  const proper = properWords(d.notes);
  const owner = (text: string, notes: NoteRecord[]) => namedOwner(text, d.stakeholderGroups) ?? raisedBy(notes);
  const out: Proposal[] = [];
  const seen = new Map<string, Proposal>();
  const push = (p: Proposal) => {
    const k = normalise(p.title);
    const same = seen.get(k);
    if (same) {
      same.sourceNoteIds = [...new Set([...same.sourceNoteIds, ...p.sourceNoteIds])];
      same.weight += p.weight;
      return;
    }
    seen.set(k, p);
    out.push(p);
  };
  const where = (roomIds: string[]) => (roomIds.length ? roomIds.map((r) => roomName.get(r) ?? "").join(", ") : "");

  for (const theme of set.themes) {
    const notes = theme.noteIds.map((id) => byId.get(id)!);
    const solution = categoryKind(theme.category) === "solution";
    const actions = notes.filter((n) => isActionPhrased(n.text) || theme.category === "actions");
    for (const n of actions)
      push({
        key: `note:${n.id}`,
        title: oneLine(n.text),
        description: t.proposalFrom({ notes: 1, label: theme.label, where: where(n.roomId ? [n.roomId] : []) }),
        sourceLabel: theme.label,
        sourceNoteIds: [n.id],
        suggestedOwner: owner(n.text, [n]),
        weight: n.votes + 1 + (solution ? 1 : 0),
      });
    if (solution && !actions.length) {
      const central = notes[0]!;
      push({
        key: `theme:${central.id}`,
        title: oneLine(t.takeForward(inline(central.text, proper))),
        description: t.proposalFrom({ notes: notes.length, label: theme.label, where: where(theme.rooms) }),
        sourceLabel: theme.label,
        sourceNoteIds: theme.noteIds,
        suggestedOwner: owner(notes.map((n) => n.text).join(" "), notes),
        weight: theme.votes + theme.rooms.length * 2 + notes.length,
      });
    }
  }
  // Notes outside any theme that say what to do count too.
  for (const o of set.others)
    for (const id of o.noteIds) {
      const n = byId.get(id)!;
      if (!isActionPhrased(n.text)) continue;
      push({
        key: `note:${n.id}`,
        title: oneLine(n.text),
        description: t.proposalFrom({ notes: 1, label: "", where: where(n.roomId ? [n.roomId] : []) }),
        sourceLabel: "",
        sourceNoteIds: [n.id],
        suggestedOwner: owner(n.text, [n]),
        weight: n.votes + 1,
      });
    }
  for (const room of d.rooms)
    for (const line of room.summary?.proposedActions ?? [])
      push({
        key: `room:${room.id}:${hash(normalise(line))}`,
        title: oneLine(line),
        description: t.proposalFromRapporteur(room.name),
        sourceLabel: t.rapporteurSummaryOf(room.name),
        sourceNoteIds: [],
        suggestedOwner: namedOwner(line, d.stakeholderGroups) ?? "",
        // Actions a rapporteur wrote down carry the room's judgement: they come first.
        weight: 1000,
      });
  return out.sort((a, b) => b.weight - a.weight || a.title.localeCompare(b.title)).slice(0, MAX_PROPOSALS);
}
