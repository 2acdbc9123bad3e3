import { stringList } from "../json-columns";
import { linesInLanguage } from "../content/languages";

/**
 * Guiding questions: some for every room of a round (BreakoutRound.questionsJson),
 * some for one room only (Room.question, one per line). A room discusses both,
 * the round's first.
 */
export const roundQuestions = (json: string): string[] => stringList.read(json).filter(Boolean);

export const roomOwnQuestions = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

export const questionsOf = (roundJson: string, roomText: string) => [
  ...roundQuestions(roundJson),
  ...roomOwnQuestions(roomText),
];

/** Where the questions typed when creating a round go: all of them to every room, or one to each room in order. */
export function placeQuestions(questions: string[], mode: "all" | "each", roomCount: number) {
  if (mode === "all") return { round: questions, rooms: Array.from({ length: roomCount }, () => "") };
  return { round: [] as string[], rooms: Array.from({ length: roomCount }, (_, i) => questions[i] ?? "") };
}

/** A room's guiding questions in `language`: the round's for every room, then its own, each list translated as a whole. */
export function questionsIn(
  round: { questionsJson: string; translationsJson: string },
  room: { question: string; translationsJson: string },
  language: string,
): string[] {
  const all = questionsOf(round.questionsJson, room.question);
  if (!all.length) return all;
  return [
    ...linesInLanguage(roundQuestions(round.questionsJson), round.translationsJson, language),
    ...linesInLanguage(roomOwnQuestions(room.question), room.translationsJson, language),
  ];
}
