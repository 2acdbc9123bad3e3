import { z } from "zod";
import { chatEndpoint, type ModelConfig } from "./config";
import {
  type BriefTheme,
  type Draft,
  type ReportWriter,
  type Sentence,
  type WriterBrief,
  WriterError,
} from "./contract";
import { createRedactor } from "./redact";

/** Notes of a theme the model reads (the most central); the rest are counted. */
const NOTES_PER_THEME = 12;
/** Themes per request, so a large event is drafted in several answers a local model can give. */
const THEMES_PER_REQUEST = 8;

const LANGUAGES: Record<string, string> = { en: "English", fr: "French", es: "Spanish", ar: "Arabic" };

const sentence = z.object({ text: z.string(), cites: z.array(z.union([z.string(), z.number()])).default([]) });
const answer = z.object({
  summary: z.array(sentence).optional(),
  themes: z.record(z.string(), z.array(sentence)).optional(),
  takeaways: z.array(z.object({ title: z.string(), sentences: z.array(sentence) })).optional(),
});
const chat = z.object({ choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1) });

const SYSTEM = (language: string, chathamHouse: boolean) =>
  [
    `You draft parts of the summary report of a multi-stakeholder dialogue, for the secretariat that will review and publish it. Write in ${language}.`,
    "Write plain, factual prose in the register of a UN agency's or a city network's secretariat: what participants raised, how broadly (rooms, stakeholder groups, votes), and concrete examples.",
    'Use only the notes and facts you are given. Every sentence must cite, in its "cites" list, the ids of the notes or facts it rests on (for example "n4" or "f-participation"). A sentence that cites nothing, or cites an id you were not given, will be deleted.',
    chathamHouse
      ? "The discussion was held under the Chatham House rule: attribute points to stakeholder groups only, never to a person or an organisation."
      : "Attribute points to stakeholder groups, never to a person or an organisation.",
    "Do not quote notes word for word: summarise them in your own words. Text shown as [name] or [organisation] was removed on purpose; do not guess it.",
    "Answer with one JSON object and nothing else.",
  ].join("\n");

type Ids = { toShort: Map<string, string>; toLong: Map<string, string> };

/** A language model behind an OpenAI-compatible chat endpoint (a local Ollama or vLLM, for example). */
export function createModelWriter(
  config: ModelConfig,
  identities: { names: string[]; organisations: string[] },
  fetcher: typeof fetch = fetch,
): ReportWriter {
  const redact = createRedactor(identities);
  return {
    name: "model",
    model: config.model,
    async write(brief) {
      const deadline = AbortSignal.timeout(config.timeoutMs);
      const ids: Ids = { toShort: new Map(), toLong: new Map() };
      const short = (id: string) => {
        let s = ids.toShort.get(id);
        if (!s) {
          s = `n${ids.toShort.size + 1}`;
          ids.toShort.set(id, s);
          ids.toLong.set(s, id);
        }
        return s;
      };
      const facts = factLines(brief).map((f) => ({ ...f, text: redact(f.text) }));
      const themeView = (t: BriefTheme, notes: number) => ({
        id: t.id,
        label: redact(t.label),
        category: t.categoryName,
        where:
          t.scope === "room"
            ? `room ${redact(t.rooms[0] ?? "")}`
            : t.rooms.length
              ? `rooms: ${t.rooms.map(redact).join("; ")}`
              : "plenary",
        stakeholder_groups: t.groups.map((g) => ({ group: g.group ?? "other participants", notes: g.notes })),
        votes: t.votes,
        notes_in_total: t.notes.length,
        most_voted: t.mostVoted,
        notes: t.notes.slice(0, notes).map((n) => ({
          id: short(n.id),
          text: redact(n.text),
          room: n.room === null ? null : redact(n.room),
          group: n.group ?? "other participants",
          votes: n.votes,
          ...(n.quoted ? { quoted_below_your_paragraph: true } : {}),
        })),
      });
      const context = {
        rooms: brief.rooms.map(redact),
        stakeholder_groups_taking_part: brief.groups,
        facts,
      };
      const ask = async (task: string, payload: unknown) => {
        const content = await complete(config, fetcher, deadline, [
          { role: "system", content: SYSTEM(LANGUAGES[brief.locale] ?? "English", brief.chathamHouse) },
          { role: "user", content: `${task}\n\n${JSON.stringify(payload)}` },
        ]);
        return parseAnswer(content);
      };

      const themes: Draft["themes"] = {};
      for (let i = 0; i < brief.themes.length; i += THEMES_PER_REQUEST) {
        const batch = brief.themes.slice(i, i + THEMES_PER_REQUEST);
        const a = await ask(
          'For each theme, write one paragraph of 2 to 5 sentences: what participants raised, how broadly (rooms, stakeholder groups, votes), and the concrete examples they gave. Answer as {"themes": {"<theme id>": [{"text": "...", "cites": ["n1", "n2"]}]}}.',
          { ...context, themes: batch.map((t) => themeView(t, NOTES_PER_THEME)) },
        );
        for (const t of batch) if (a.themes?.[t.id]) themes[t.id] = a.themes[t.id]!.map((s) => expand(s, ids));
      }
      const overview = await ask(
        'Write (1) "summary": an executive summary of 3 to 5 sentences for the top of the report (who took part and how, the themes raised most widely, where a barrier met an opportunity, what comes next); (2) "takeaways": 3 to 6 key takeaways that synthesise across categories: the themes raised in every room and by the most stakeholder groups, and where a barrier or challenge meets an opportunity or action on the same subject (see "pairs"). Each takeaway has a short "title" and 1 or 2 sentences. Answer as {"summary": [{"text": "...", "cites": []}], "takeaways": [{"title": "...", "sentences": [{"text": "...", "cites": []}]}]}.',
        {
          ...context,
          themes: brief.themes.map((t) => themeView(t, 3)),
          pairs: brief.pairs.map((p) => ({ problem: p.problem, solution: p.solution })),
        },
      );
      return {
        summary: (overview.summary ?? []).map((s) => expand(s, ids)),
        themes,
        others: {},
        takeaways: (overview.takeaways ?? []).map((t) => ({
          title: t.title,
          sentences: t.sentences.map((s) => expand(s, ids)),
        })),
      };
    },
  };
}

/** The facts as the model reads them, each with its id. */
function factLines(brief: WriterBrief) {
  const f = brief.facts;
  return [
    {
      id: f.participation.id,
      text: `${f.participation.registered} participants registered${f.participation.attended ? ` and ${f.participation.attended} attended` : ""}, from ${f.participation.organisations} organisations in ${f.participation.countries} countries and ${f.participation.groups} stakeholder groups.`,
    },
    {
      id: f.programme.id,
      text: `The dialogue took place on ${f.programme.date}${f.programme.speakers ? `, opened by a panel of ${f.programme.speakers} speakers` : ""}, with ${f.programme.rooms.length} breakout rooms: ${f.programme.rooms.join("; ")}.`,
    },
    {
      id: f.actions.id,
      text: "The report's Way forward section sets out action items drawn from the discussion, which the secretariat reviews with their owners.",
    },
  ];
}

/** Short ids back to note ids; anything else stays as written, so the grounding check can refuse it. */
function expand(s: z.infer<typeof sentence>, ids: Ids): Sentence {
  return {
    text: s.text,
    cites: s.cites.map((c) => {
      const k = String(c).trim();
      return ids.toLong.get(k) ?? k;
    }),
  };
}

function parseAnswer(content: string): z.infer<typeof answer> {
  const body = content
    .trim()
    .replace(/^```(?:json)?\s*/i, "")
    .replace(/\s*```$/, "");
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const start = body.indexOf("{");
    const end = body.lastIndexOf("}");
    try {
      json = start >= 0 && end > start ? JSON.parse(body.slice(start, end + 1)) : null;
    } catch {
      json = null;
    }
  }
  const parsed = answer.safeParse(json);
  if (!parsed.success) throw new WriterError("invalid", "answered something other than the JSON asked for");
  return parsed.data;
}

async function complete(
  config: ModelConfig,
  fetcher: typeof fetch,
  deadline: AbortSignal,
  messages: { role: string; content: string }[],
): Promise<string> {
  const send = () =>
    fetcher(chatEndpoint(config.url), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: config.model,
        messages,
        temperature: 0.2,
        stream: false,
        response_format: { type: "json_object" },
      }),
      signal: deadline,
    });
  let res: Response;
  try {
    res = await send().catch((e: unknown) => {
      // A kept-alive connection the server closed while idle fails at once: one fresh attempt.
      if (deadline.aborted) throw e;
      return send();
    });
  } catch (e) {
    if (deadline.aborted) throw new WriterError("timeout", `gave no answer within ${config.timeoutMs} ms`);
    throw new WriterError("unreachable", `could not be reached (${(e as Error).message})`);
  }
  if (!res.ok) throw new WriterError("http", `answered HTTP ${res.status}`);
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new WriterError(
      deadline.aborted ? "timeout" : "invalid",
      deadline.aborted ? `gave no answer within ${config.timeoutMs} ms` : "answered something other than JSON",
    );
  }
  const parsed = chat.safeParse(body);
  if (!parsed.success) throw new WriterError("invalid", "answered something other than a chat completion");
  return parsed.data.choices[0]!.message.content;
}
