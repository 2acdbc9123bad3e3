import { type Locale, DEFAULT_LOCALE } from "./locales";
import { CATALOGUES } from "./messages";
import { en } from "./messages/en";

/*
 * What the core says to people is a key into the catalogues (./messages/<locale>.ts) with the
 * values of its placeholders, never English text: the doors pass key and parameters on, and each
 * reader sees the message in their own language. A parameter may itself be a message (a report's
 * status, one field's problem in a file's row), said in the same language.
 */

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type TextAt<T, K extends string> = K extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? TextAt<T[Head], Rest>
    : never
  : K extends keyof T
    ? T[K]
    : never;
type Placeholders<S> = S extends `${string}{{${infer P}}}${infer Rest}` ? P | Placeholders<Rest> : never;

export type MessageKey = Leaves<typeof en>;
/** A moment, said in the reader's language and calendar, on the clock of `zone` (an event's timezone). */
export type MomentParam = { at: string; zone: string };
export type MessageParam = string | number | Message | MomentParam;
export type MessageParams = Record<string, MessageParam>;
/** A message as it travels: a catalogue key and the values its placeholders take. */
export type Message = { key: MessageKey; params?: MessageParams };

export type ParamsArg<K extends MessageKey> = [Placeholders<TextAt<typeof en, K>>] extends [never]
  ? []
  : [params: { [P in Placeholders<TextAt<typeof en, K>>]: MessageParam }];

/** A message of the catalogue; the type checker asks for exactly the placeholders its English text has. */
export function msg<K extends MessageKey>(key: K, ...params: ParamsArg<K>): Message {
  return params.length ? { key, params: params[0] } : { key };
}

type Tree = { readonly [key: string]: string | Tree };

/** The text of a key in a catalogue, or undefined. */
export function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

export const isMessageKey = (key: unknown): key is MessageKey =>
  typeof key === "string" && lookup(en, key) !== undefined;

/** Whether a value that crossed a wire (a form result, an ack) is a message. */
export const isMessage = (value: unknown): value is Message =>
  typeof value === "object" && value !== null && isMessageKey((value as { key?: unknown }).key);

const isMoment = (value: object): value is MomentParam => typeof (value as { at?: unknown }).at === "string";

/** A moment as people of `locale` write it ("25 novembre 2026 à 09:00"), on the clock of its zone. */
export function momentIn(locale: string, { at, zone }: MomentParam): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: zone }).format(
      new Date(at),
    );
  } catch {
    return at;
  }
}

/**
 * The parameters ready for `{{placeholders}}`: a message among them said in `say`'s words, a moment
 * written the way `locale` writes dates.
 */
export function paramsSaid(
  params: MessageParams | undefined,
  locale: string,
  say: (m: Message) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params ?? {}))
    out[name] =
      typeof value !== "object" ? String(value) : isMoment(value) ? momentIn(locale, value) : say(value as Message);
  return out;
}

/** `{{name}}` placeholders filled in (i18next's syntax); a value that is missing stays visible as its placeholder. */
export const interpolate = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);

/** A message in a language (English where a catalogue lacks the key), for emails, documents, logs and tests. */
export function say(locale: Locale, m: Message): string {
  const text = lookup(CATALOGUES[locale], m.key) ?? lookup(CATALOGUES[DEFAULT_LOCALE], m.key) ?? m.key;
  return interpolate(
    text,
    paramsSaid(m.params, locale, (inner) => say(locale, inner)),
  );
}

/** The English text of a message, for logs, tests and `Error.message`. */
export const inEnglish = (m: Message) => say("en", m);
