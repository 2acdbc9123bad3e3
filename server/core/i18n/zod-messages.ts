import type { z } from "zod";
import { type Message, type MessageKey, type ParamsArg, isMessageKey, msg } from "./message";

/*
 * Zod keeps only a string as an issue's message. Schemas give it a catalogue key (or, with
 * parameters, the message encoded here), and issueMessage turns each issue back into a message;
 * an issue a schema left to zod's own words gets the catalogue's generic message for its kind,
 * with its bound (so `.max(300)` says "At most 300 characters." in every language).
 */
const PREFIX = "plenary-message:";

/** A catalogue message where zod wants a string. */
export function zm<K extends MessageKey>(key: K, ...params: ParamsArg<K>): string {
  return params.length ? PREFIX + JSON.stringify(msg(key, ...params)) : key;
}

function decoded(text: string): Message | null {
  if (isMessageKey(text)) return { key: text };
  if (!text.startsWith(PREFIX)) return null;
  try {
    const m = JSON.parse(text.slice(PREFIX.length)) as { key?: unknown; params?: Message["params"] };
    if (!isMessageKey(m.key)) return null;
    return m.params ? { key: m.key, params: m.params } : { key: m.key };
  } catch {
    return null;
  }
}

/** The message of one zod issue: the schema's own, or the generic one for its kind. */
export function issueMessage(issue: z.core.$ZodIssue): Message {
  const own = decoded(issue.message);
  if (own) return own;
  switch (issue.code) {
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? msg("validation.required") : msg("validation.tooShort", { min });
      if (issue.origin === "array" || issue.origin === "set") return msg("validation.tooFew", { min });
      return msg("validation.atLeast", { min });
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return msg("validation.tooLong", { max });
      if (issue.origin === "array" || issue.origin === "set") return msg("validation.tooMany", { max });
      return msg("validation.atMost", { max });
    }
    case "invalid_type":
      if (issue.input === undefined) return msg("validation.required");
      return issue.expected === "int" ? msg("validation.wholeNumber") : msg("validation.invalid");
    case "invalid_value":
      return msg("validation.chooseOption");
    default:
      return msg("validation.invalid");
  }
}
