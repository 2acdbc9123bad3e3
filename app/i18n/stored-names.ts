import { reportTexts, stakeholderGroupName } from "../../server/core/reports/texts";

// Words Plenary stored itself (the stakeholder categories every event starts with, the labels
// of authors it cannot name) are shown in the reader's language; what organisers typed is
// shown as they typed it. The report names groups the same way (core/reports/texts.ts).

const ENGLISH_GROUPS = reportTexts("en").groups;
const KEY_OF_LABEL = new Map(Object.entries(ENGLISH_GROUPS).map(([key, label]) => [label, key]));

/** A stakeholder category: a default one in `locale` while the organisers kept its name, else as they wrote it. */
export function stakeholderName(locale: string, key: string | null | undefined, label: string): string {
  if (key) return stakeholderGroupName(locale, key, label);
  // Only the label travelled (a note's author under the Chatham House rule): it is a default if it reads like one.
  const k = KEY_OF_LABEL.get(label);
  return k ? stakeholderGroupName(locale, k, label) : label;
}

/** Whether `label` is a default category's English name (so it is not the organisers' own words). */
export const isDefaultStakeholderLabel = (label: string) => KEY_OF_LABEL.has(label);

/** The labels the core gives an author it will not or cannot name, by their translation key. */
const AUTHOR_FALLBACKS: Record<string, string> = {
  Participant: "storedNames.participant",
  "Former participant": "storedNames.formerParticipant",
};

/** A note's or comment's author as the core labelled them: a name, a category, or a fallback. */
export function authorName(t: (key: string) => string, locale: string, label: string): string {
  const fallback = AUTHOR_FALLBACKS[label];
  return fallback ? t(fallback) : stakeholderName(locale, null, label);
}

/** Self-descriptions a room is most often reserved to, by the key of the sentence that says so. */
const RESERVATIONS: Record<string, string> = {
  woman: "women",
  women: "women",
  female: "women",
  man: "men",
  men: "men",
  male: "men",
  "non-binary": "nonBinary",
  nonbinary: "nonBinary",
};

/** The sentence key for a room's reservation when it is a common English word, else null (show it as typed). */
export const reservationKey = (value: string): string | null => {
  const k = RESERVATIONS[value.trim().toLowerCase()];
  return k ? `storedNames.reservedTo.${k}` : null;
};
