import { createRequire } from "node:module";
import snowball from "snowball-stemmers";

/** Languages whose notes are tokenised, stemmed and stripped of stop words. */
export const LANGUAGES = ["en", "fr", "es"] as const;
export type Language = (typeof LANGUAGES)[number];

const STEMMER_NAMES: Record<Language, string> = { en: "english", fr: "french", es: "spanish" };
const MAX_TOKENS = 200;

type StopLists = Record<Language, Set<string>>;
let stopLists: StopLists | null = null;

function stopwords(): StopLists {
  if (!stopLists) {
    const lists = createRequire(import.meta.url)("stopwords-iso") as Record<string, string[]>;
    stopLists = { en: new Set(lists.en), fr: new Set(lists.fr), es: new Set(lists.es) };
  }
  return stopLists;
}

const stemmers = new Map<Language, { stem(word: string): string }>();
export function stem(word: string, lang: Language): string {
  let s = stemmers.get(lang);
  if (!s) stemmers.set(lang, (s = snowball.newStemmer(STEMMER_NAMES[lang])));
  return s.stem(word);
}

/** Lower-case words, keeping letters of any script, elisions split off ("l'accès" → "accès"). */
export function words(text: string): string[] {
  const found =
    text
      .normalize("NFC")
      .toLowerCase()
      .match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  const out: string[] = [];
  for (const raw of found) {
    const w = raw.replace(/^(?:[ldjmnstc]|qu)['’]/u, "").replace(/['’-]+$/u, "");
    if (w) out.push(w);
    if (out.length >= MAX_TOKENS) break;
  }
  return out;
}

/** The language whose stop words the note uses most; English when none stand out. */
export function detectLanguage(tokens: string[]): Language {
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
};

export function analyse(text: string): Analysed {
  const all = words(text);
  const lang = detectLanguage(all);
  const positions: number[] = [];
  all.forEach((w, i) => {
    if (!isStopword(w, lang)) positions.push(i);
  });
  const content = positions.map((i) => all[i]!);
  return { lang, content, stems: content.map((w) => stem(w, lang)), all, positions };
}
