import { categoryKind } from "../themes";
import type { BriefNote, BriefTheme, Draft, ReportWriter, Sentence, Takeaway, WriterBrief } from "./contract";
import { phrases } from "./phrases";

/** Examples a paragraph gives, and how long one may be to read as part of a sentence. */
const EXAMPLES = 3;
const EXAMPLE_CHARS = 180;
const OTHERS_LISTED = 8;
const SUMMARY_THEMES = 3;

/**
 * Words written with a capital inside a sentence somewhere in the notes: names of places and
 * bodies, which keep their capital when a note is set inside a sentence.
 */
export function properWords(notes: { text: string }[]): Set<string> {
  const out = new Set<string>();
  for (const n of notes) {
    const words = n.text.split(/\s+/).slice(1);
    for (const w of words) if (/^\p{Lu}/u.test(w)) out.add(w.replace(/[^\p{L}\p{N}'-]/gu, ""));
  }
  return out;
}

/** A note as part of a sentence: one line, no closing full stop, and a small first letter unless it names something. */
export function inline(text: string, proper: Set<string>): string {
  const t = text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.;:!?。]+$/u, "");
  const first = t.split(" ")[0] ?? "";
  const bare = first.replace(/[^\p{L}\p{N}'-]/gu, "");
  // "IOM", "UNHCR", "McAdams" and words capitalised elsewhere keep their capitals.
  if (/^\p{Lu}\p{Ll}/u.test(bare) && !/\p{Lu}/u.test(bare.slice(1)) && !proper.has(bare))
    return t.charAt(0).toLocaleLowerCase() + t.slice(1);
  return t;
}

const ids = (notes: BriefNote[]) => notes.map((n) => n.id);

/** Composes the paragraphs from the themes' figures and their most central notes. Same brief, same text. */
export function createOfflineWriter(): ReportWriter {
  return {
    name: "offline",
    async write(brief) {
      return writeOffline(brief);
    },
  };
}

export function writeOffline(brief: WriterBrief): Draft {
  const p = phrases(brief.locale);
  const proper = properWords([...brief.themes.flatMap((t) => t.notes), ...brief.others.flatMap((o) => o.notes)]);
  const say = (n: BriefNote) => inline(n.text, proper);
  const totalRooms = brief.rooms.length;
  const totalGroups = brief.groups.length;
  const named = (t: BriefTheme) => t.groups.map((g) => g.group).filter((g): g is string => !!g);
  const exampleNotes = (t: BriefTheme, n = EXAMPLES) => {
    // Notes quoted under the paragraph are not repeated in it.
    const short = t.notes.filter((x) => x.text.length <= EXAMPLE_CHARS && !x.quoted);
    // Examples from different rooms and groups first, the most central of each.
    const picked: BriefNote[] = [];
    const seen = new Set<string>();
    for (const x of short) {
      const k = `${x.room}|${x.group}`;
      if (picked.length < n && !seen.has(k)) {
        picked.push(x);
        seen.add(k);
      }
    }
    for (const x of short) if (picked.length < n && !picked.includes(x)) picked.push(x);
    return picked;
  };
  const byId = new Map(brief.themes.map((t) => [t.id, t]));

  const themes: Draft["themes"] = {};
  for (const t of brief.themes) {
    const out: Sentence[] = [];
    const as = p.as(t.category, t.categoryName);
    out.push({
      text: p.breadth({
        where: p.where({ rooms: t.rooms, total: totalRooms, own: t.scope === "room" }),
        as,
        notes: t.notes.length,
        groups: p.groups(named(t), totalGroups),
        votes: t.votes,
      }),
      cites: ids(t.notes),
    });
    const examples = exampleNotes(t);
    if (examples.length) out.push({ text: p.examples(examples.map(say)), cites: ids(examples) });
    if (t.mostVoted && t.votes > 0)
      out.push({ text: p.mostVoted({ room: t.scope === "room" ? (t.rooms[0] ?? null) : null }), cites: ids(t.notes) });
    const pair = brief.pairs.find((x) => x.problem === t.id);
    const answer = pair && byId.get(pair.solution)?.notes.find((n) => n.id === pair.notes[1]);
    if (pair && answer) out.push({ text: p.wayForward(say(answer)), cites: [pair.notes[0], answer.id] });
    const rest = t.notes.filter((n) => !examples.includes(n));
    if (rest.length && examples.length) out.push({ text: p.further(rest.length), cites: ids(rest) });
    themes[t.id] = out;
  }

  const others: Draft["others"] = {};
  for (const o of brief.others) {
    const listed = o.notes.filter((n) => n.text.length <= EXAMPLE_CHARS).slice(0, OTHERS_LISTED);
    const out: Sentence[] = [];
    const where = p.where({ rooms: o.room ? [o.room] : [], total: totalRooms, own: !!o.room });
    if (listed.length)
      out.push({
        text: p.othersIntro(
          where,
          listed.map((n) => `${say(n)} (${p.noun(n.category, n.category)})`),
        ),
        cites: ids(listed),
      });
    const rest = o.notes.filter((n) => !listed.includes(n));
    if (rest.length) out.push({ text: p.othersFurther(rest.length), cites: ids(rest) });
    others[o.key] = out;
  }

  // Key takeaways: what every room raised, where a barrier meets a way forward, what the vote put first.
  const takeaways: Takeaway[] = [];
  const used = new Set<string>();
  const take = (t: BriefTheme, title: string, sentences: Sentence[]) => {
    if (takeaways.length >= 6 || used.has(t.id)) return;
    used.add(t.id);
    takeaways.push({ title, sentences });
  };
  const ranked = [...brief.themes].sort(
    (a, b) => named(b).length - named(a).length || b.notes.length - a.notes.length || b.votes - a.votes,
  );
  const everywhere = ranked.filter((t) => totalRooms > 1 && t.rooms.length === totalRooms);
  for (const t of everywhere.slice(0, 2)) {
    const ex = exampleNotes(t, 2);
    take(t, p.everyRoomTitle(t.label), [
      {
        text: p.everyRoom({
          rooms: totalRooms,
          as: p.as(t.category, t.categoryName),
          groups: named(t).length,
          totalGroups,
        }),
        cites: ids(t.notes),
      },
      ...(ex.length ? [{ text: p.examples(ex.map(say)), cites: ids(ex) }] : []),
    ]);
  }
  for (const pair of brief.pairs.slice(0, 2)) {
    const problem = byId.get(pair.problem)!;
    const solution = byId.get(pair.solution)!;
    const a = problem.notes.find((n) => n.id === pair.notes[0]);
    const b = solution.notes.find((n) => n.id === pair.notes[1]);
    if (!a || !b || used.has(problem.id)) continue;
    const kind = solution.category === "actions" || solution.category === "opportunities" ? solution.category : "other";
    take(problem, p.pairTitle(problem.label, p.noun(problem.category, problem.categoryName)), [
      {
        text: p.pair({
          problem: say(a),
          as: p.as(problem.category, problem.categoryName),
          solution: say(b),
          solutionKind: kind,
        }),
        cites: [a.id, b.id],
      },
    ]);
    used.add(solution.id);
  }
  const topVoted = [...brief.themes].sort((a, b) => b.votes - a.votes)[0];
  if (topVoted && topVoted.votes > 0 && !used.has(topVoted.id))
    take(topVoted, p.priorityTitle(topVoted.label), [{ text: p.priority(topVoted.votes), cites: ids(topVoted.notes) }]);
  const widest = ranked.find((t) => !used.has(t.id) && named(t).length >= Math.max(2, Math.ceil(totalGroups / 2)));
  if (widest)
    take(widest, p.sharedTitle(widest.label), [
      {
        text: p.shared({ groups: named(widest).length, totalGroups, as: p.as(widest.category, widest.categoryName) }),
        cites: ids(widest.notes),
      },
    ]);
  for (const t of ranked) {
    if (takeaways.length >= 3) break;
    if (used.has(t.id)) continue;
    take(t, t.label, themes[t.id]!.slice(0, 2));
  }

  // The executive summary: who met, how they worked, what they returned to, what comes next.
  const f = brief.facts;
  const summary: Sentence[] = [];
  if (f.participation.registered)
    summary.push({
      text: p.summaryParticipation({
        date: f.programme.date,
        registered: f.participation.registered,
        attended: f.participation.attended,
        organisations: f.participation.organisations,
        countries: f.participation.countries,
      }),
      cites: [f.participation.id],
    });
  if (f.programme.rooms.length)
    summary.push({
      text: p.summaryProgramme({ speakers: f.programme.speakers, rooms: f.programme.rooms }),
      cites: [f.programme.id],
    });
  const leading = (
    brief.themes.some((t) => t.scope === "cross") ? brief.themes.filter((t) => t.scope === "cross") : ranked
  )
    .slice()
    .sort(
      (a, b) => b.rooms.length - a.rooms.length || named(b).length - named(a).length || b.notes.length - a.notes.length,
    )
    .slice(0, SUMMARY_THEMES);
  if (leading.length)
    summary.push({
      text: p.summaryThemes(leading.map((t) => t.label)),
      cites: leading.flatMap((t) => ids(t.notes.slice(0, 3))),
    });
  const firstPair = brief.pairs[0];
  if (firstPair) {
    const a = byId.get(firstPair.problem)!.notes.find((n) => n.id === firstPair.notes[0]);
    const b = byId.get(firstPair.solution)!.notes.find((n) => n.id === firstPair.notes[1]);
    if (a && b && categoryKind(byId.get(firstPair.problem)!.category) === "problem")
      summary.push({ text: p.summaryPair({ problem: say(a), solution: say(b) }), cites: [a.id, b.id] });
  }
  if (f.actions.count) summary.push({ text: p.summaryActions(), cites: [f.actions.id] });

  return { summary, themes, others, takeaways };
}
