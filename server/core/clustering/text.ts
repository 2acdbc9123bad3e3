import { createRequire } from "node:module";
import snowball from "snowball-stemmers";

/** Languages whose notes are tokenised, stemmed and stripped of stop words. */
export const LANGUAGES = ["en", "fr", "es", "ar"] as const;
export type Language = (typeof LANGUAGES)[number];

const STEMMER_NAMES: Record<Language, string> = { en: "english", fr: "french", es: "spanish", ar: "arabic" };
const MAX_TOKENS = 200;

type StopLists = Record<Language, Set<string>>;
let stopLists: StopLists | null = null;

/**
 * Function words only (the `stopword` package's lists), with negations and
 * auxiliaries it leaves out. Longer lists (stopwords-iso's English has 1,300
 * words) drop words that carry themes: "work", "home", "help", "information",
 * "groups", "rights"…
 */
const MORE_STOP_WORDS: Record<Language, string[]> = {
  en: [
    "not",
    "no",
    "nor",
    "cannot",
    "can't",
    "don't",
    "doesn't",
    "didn't",
    "isn't",
    "aren't",
    "won't",
    "does",
    "i",
    "s",
    "t",
    "us",
    "its",
    "it's",
    "they're",
    "one",
    "two",
    "three",
    "there's",
    "etc",
    "e.g",
    "via",
  ],
  fr: [
    "ne",
    "pas",
    "plus",
    "non",
    "très",
    "peu",
    "sans",
    "cela",
    "ça",
    "dont",
    "où",
    "quand",
    "comme",
    "car",
    "ont",
    "sont",
    "fait",
    "être",
    "avoir",
    "leurs",
    "tout",
    "tous",
    "toutes",
    "toute",
    "trop",
  ],
  es: [
    "son",
    "está",
    "están",
    "ser",
    "estar",
    "hay",
    "tiene",
    "tienen",
    "muy",
    "todo",
    "todos",
    "todas",
    "toda",
    "sus",
    "les",
    "ya",
    "aún",
    "sin",
    "entre",
    "cada",
  ],
  ar: [],
};

function stopwords(): StopLists {
  if (!stopLists) {
    const lists = createRequire(import.meta.url)("stopword") as Record<"eng" | "fra" | "spa" | "ara", string[]>;
    const make = (base: string[], lang: Language) =>
      new Set([...base, ...MORE_STOP_WORDS[lang]].map((w) => w.toLowerCase()));
    stopLists = {
      en: make(lists.eng, "en"),
      fr: make(lists.fra, "fr"),
      es: make(lists.spa, "es"),
      ar: make(lists.ara, "ar"),
    };
  }
  return stopLists;
}

const stemmers = new Map<Language, { stem(word: string): string }>();
export function stem(word: string, lang: Language): string {
  let s = stemmers.get(lang);
  if (!s) stemmers.set(lang, (s = snowball.newStemmer(STEMMER_NAMES[lang])));
  return s.stem(word);
}

type Token = { raw: string; clause: number; start: number; end: number };

/** Words as written (any script, elisions split off: "l'accès" → "accès"), with the clause they sit in and where. */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  // Punctuation between words ends a clause: a label never runs across "…, …" or "…: …".
  const re = /(\p{L}[\p{L}\p{M}'’-]*)|([.,;:!?()[\]{}"“”«»|/…—–]+)/gu;
  let clause = 0;
  for (const m of text.matchAll(re)) {
    if (m[2]) {
      clause++;
      continue;
    }
    const unelided = m[1]!.replace(/^(?:[ldjmnstc]|qu)['’]/iu, "");
    const w = unelided.replace(/['’-]+$/u, "");
    const start = m.index + m[1]!.length - unelided.length;
    if (w) out.push({ raw: w, clause, start, end: start + w.length });
    if (out.length >= MAX_TOKENS) break;
  }
  return out;
}

/** Lower-case words, keeping letters of any script, elisions split off ("l'accès" → "accès"). */
export function words(text: string): string[] {
  return tokens(text.normalize("NFC")).map((t) => t.raw.toLowerCase());
}

/** Arabic when most words are in Arabic script, else the language whose stop words the note uses most; English when none stand out. */
export function detectLanguage(tokens: string[]): Language {
  if (tokens.length && tokens.filter((t) => /\p{Script=Arabic}/u.test(t)).length * 2 > tokens.length) return "ar";
  const lists = stopwords();
  let best: Language = "en";
  let bestHits = 0;
  for (const lang of LANGUAGES) {
    let hits = 0;
    for (const t of tokens) if (lists[lang].has(t)) hits++;
    if (hits > bestHits) [best, bestHits] = [lang, hits];
  }
  return best;
}

export const isStopword = (word: string, lang: Language) => stopwords()[lang].has(word) || word.length < 2;

export type Analysed = {
  lang: Language;
  /** Content words in order, as written (lower case), for phrases and word vectors. */
  content: string[];
  /** Their stems, for matching inflected forms. */
  stems: string[];
  /** Every word, and where each content word sits among them, to quote phrases as written. */
  all: string[];
  positions: number[];
  /** Every word as written (its case kept), the clause (between punctuation) it sits in, and where it starts and ends in `text`. */
  raw: string[];
  clause: number[];
  starts: number[];
  ends: number[];
  /** The note, NFC-normalised. */
  text: string;
};

export function analyse(text: string): Analysed {
  const source = text.normalize("NFC");
  const toks = tokens(source);
  const all = toks.map((t) => t.raw.toLowerCase());
  const lang = detectLanguage(all);
  const positions: number[] = [];
  all.forEach((w, i) => {
    if (!isStopword(w, lang)) positions.push(i);
  });
  const content = positions.map((i) => all[i]!);
  return {
    lang,
    content,
    stems: content.map((w) => stem(w, lang)),
    all,
    positions,
    raw: toks.map((t) => t.raw),
    clause: toks.map((t) => t.clause),
    starts: toks.map((t) => t.start),
    ends: toks.map((t) => t.end),
    text: source,
  };
}
