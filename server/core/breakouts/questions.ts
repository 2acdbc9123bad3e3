/**
 * Guiding questions: some for every room of a round (BreakoutRound.questionsJson),
 * some for one room only (Room.question, one per line). A room discusses both,
 * the round's first.
 */
export function roundQuestions(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.map(String).filter(Boolean) : [];
  } catch {
    return [];
  }
}

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
