/**
 * The language of something people wrote (an event's title, a note, a room's name), when it
 * can be told cheaply and the same way on the server and in the browser, so a page can mark it
 * (`lang`) for screen readers and hyphenation (WCAG 3.1.2). Unknown stays unknown: the caller
 * then isolates the text (`dir="auto"`) without claiming a language for it.
 */

/** Frequent function words that tell the Latin-script languages events use apart. */
const FUNCTION_WORDS: Record<string, string[]> = {
  en: "the and of to in is are for with on that this not be we our they their it from by have has at as can should will more who".split(
    " ",
  ),
  fr: "le la les des du de et est sont pour dans une un avec sur pas ne que qui nous leur leurs au aux ce cette il elle plus par ou".split(
    " ",
  ),
  es: "el la los las de del y en es son para con por una un que no se su sus al lo como más pero este esta hay muy".split(
    " ",
  ),
  pt: "o os as do da dos das e em no na nos nas para com um uma que não se por mais mas como é são ao".split(" "),
  de: "der die das und ist sind für mit auf nicht ein eine zu von im den dem wir sie es auch oder".split(" "),
  it: "il lo gli le di del della e è sono per con un una che non si da nel nella più ma come anche".split(" "),
};
const LATIN = new Set(Object.keys(FUNCTION_WORDS));
const WORDS = Object.fromEntries(Object.entries(FUNCTION_WORDS).map(([l, w]) => [l, new Set(w)]));

/** Scripts we can name a language from, and the languages written in each. */
const SCRIPTS: [RegExp, string, string[]][] = [
  [/\p{Script=Arabic}/u, "arabic", ["ar", "fa", "ur"]],
  [/\p{Script=Latin}/u, "latin", [...LATIN, "sw", "tr"]],
  [/\p{Script=Cyrillic}/u, "cyrillic", ["ru", "uk"]],
  [/\p{Script=Han}/u, "han", ["zh"]],
  [/\p{Script=Devanagari}/u, "devanagari", ["hi"]],
  [/\p{Script=Bengali}/u, "bengali", ["bn"]],
];

/** Letters looked at: enough to tell a script, and a 500-character note costs no more than a title. */
const SAMPLE = 200;

function dominantScript(text: string): [string, string[]] | null {
  const counts = new Map<string, number>();
  let seen = 0;
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    if (++seen > SAMPLE) break;
    const s = SCRIPTS.find(([re]) => re.test(ch));
    if (s) counts.set(s[1], (counts.get(s[1]) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [name, n] of counts) if (best === null || n > counts.get(best)!) best = name;
  const entry = SCRIPTS.find(([, name]) => name === best);
  return entry ? [entry[1], entry[2]] : null;
}

/** The Latin-script language whose function words the text uses clearly most, if any. */
function byFunctionWords(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  const hits = Object.entries(WORDS)
    .map(([lang, set]) => [lang, words.filter((w) => set.has(w)).length] as const)
    .sort((a, b) => b[1] - a[1]);
  const [first, second] = hits;
  return first && first[1] >= 2 && first[1] >= 2 * (second?.[1] ?? 0) ? first[0] : null;
}

/**
 * The language `text` is written in, or null. `languages` are where it comes from (an event's
 * working languages, the first being its main one): they settle what the script alone cannot.
 */
export function contentLanguage(text: string, languages: readonly string[] = []): string | null {
  // A board re-renders its notes on every change: each text is looked at once.
  const key = `${languages.join(",")}\n${text}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  if (cache.size > 5000) cache.clear();
  const lang = detect(text, languages);
  cache.set(key, lang);
  return lang;
}

const cache = new Map<string, string | null>();

function detect(text: string, languages: readonly string[]): string | null {
  const script = dominantScript(text);
  if (!script) return null;
  const [name, written] = script;
  const candidates = languages.filter((l) => written.includes(l));
  if (name === "latin") {
    const guessed = byFunctionWords(text);
    if (guessed) return guessed;
    return candidates[0] ?? null;
  }
  if (candidates.length) return candidates[0]!;
  // Arabic, Han, Devanagari, Bengali name one language among those we offer; Cyrillic does not.
  return written.length === 1 || name === "arabic" ? written[0]! : null;
}

/** Attributes for an element holding people's own words: its language when known, and its own direction. */
export function partProps(text: string, languages: readonly string[] = []): { lang?: string; dir: "auto" } {
  const lang = contentLanguage(text, languages);
  return lang ? { lang, dir: "auto" } : { dir: "auto" };
}
