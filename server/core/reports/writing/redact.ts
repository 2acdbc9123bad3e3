// Names and organisations never leave the server for a language model: notes are sent as text
// with every participant's, speaker's and team member's full name and every organisation's
// name replaced, wherever in the text it appears.

const TOKEN = /[\p{L}\p{N}]+/gu;
const norm = (s: string) => s.normalize("NFC").toLowerCase();

type Entry = { words: string[]; placeholder: string };

export function createRedactor(identities: { names: string[]; organisations: string[] }) {
  const index = new Map<string, Entry[]>();
  let longest = 0;
  const add = (value: string, placeholder: string) => {
    const words = [...norm(value).matchAll(TOKEN)].map((m) => m[0]);
    if (!words.length || words.join(" ").length < 3) return;
    longest = Math.max(longest, words.length);
    const list = index.get(words[0]!) ?? [];
    list.push({ words, placeholder });
    index.set(words[0]!, list);
  };
  for (const o of identities.organisations) add(o, "[organisation]");
  for (const n of identities.names) add(n, "[name]");
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);

  return (text: string): string => {
    if (!index.size) return text;
    const tokens = [...text.normalize("NFC").matchAll(TOKEN)].map((m) => ({
      word: m[0].toLowerCase(),
      start: m.index!,
      end: m.index! + m[0].length,
    }));
    const source = text.normalize("NFC");
    let out = "";
    let last = 0;
    for (let i = 0; i < tokens.length;) {
      const candidates = index.get(tokens[i]!.word);
      const hit = candidates?.find((e) => e.words.every((w, k) => tokens[i + k]?.word === w));
      if (!hit) {
        i++;
        continue;
      }
      const endToken = tokens[i + hit.words.length - 1]!;
      out += source.slice(last, tokens[i]!.start) + hit.placeholder;
      last = endToken.end;
      i += hit.words.length;
    }
    return out + source.slice(last);
  };
}
