import { type Message, inEnglish } from "../../server/core/i18n/message";

/** What a message (or a field's messages) says in English, for tests that read the words. */
export function english(said: Message | readonly Message[] | undefined): string {
  if (!said) return "";
  return Array.isArray(said) ? said.map((m) => inEnglish(m)).join(" ") : inEnglish(said as Message);
}
