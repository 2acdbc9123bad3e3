import { contentLanguage, inLanguage } from "../content/languages";
import { questionsIn } from "./questions";

import type { LiveTexts } from "./live-state";

export type { LiveTexts };

type RoundRow = { title: string; questionsJson: string; translationsJson: string };
type RoomRow = { id: string; name: string; question: string; translationsJson: string };

/**
 * The live state is pushed to a person's channel without knowing which language their page is
 * in, so it carries the organisers' translations (for the rooms that screen shows) and the
 * page picks with `liveStateIn`, by the same rule as every other page (`contentLanguage`).
 */
export function liveTranslations(languages: readonly string[], round: RoundRow, rooms: RoomRow[]) {
  const out: Record<string, LiveTexts> = {};
  for (const lang of languages.slice(1)) {
    out[lang] = {
      roundTitle: inLanguage({ title: round.title }, round.translationsJson, lang, ["title"]).title,
      rooms: Object.fromEntries(
        rooms.map((r) => [
          r.id,
          {
            name: inLanguage({ name: r.name }, r.translationsJson, lang, ["name"]).name,
            questions: questionsIn(round, r, lang),
          },
        ]),
      ),
    };
  }
  return out;
}

type Shown = {
  languages?: string[];
  translated?: Record<string, LiveTexts>;
  round: { title: string } | null;
  room: { id: string; name: string; questions: string[] } | null;
  choices: { id: string; name: string; questions: string[] }[] | null;
};

/** The live state as `reader` reads it: their language's texts where given, else the event's first. */
export function liveStateIn<S extends Shown>(state: S, reader: string): S {
  const texts = state.translated?.[contentLanguage(reader, state.languages ?? [])];
  if (!texts) return state;
  const room = (r: { id: string; name: string; questions: string[] }) => ({ ...r, ...(texts.rooms[r.id] ?? {}) });
  return {
    ...state,
    round: state.round ? { ...state.round, title: texts.roundTitle } : null,
    room: state.room ? room(state.room) : null,
    choices: state.choices ? state.choices.map(room) : null,
  };
}
