import { LOCALES, type Locale } from "../i18n/locales";
import { z } from "zod";
import { requiredText } from "../forms";
import { zm } from "../i18n/zod-messages";
import { stringList } from "../json-columns";

/**
 * Instance-wide roles, apart from the per-event roles of permissions.ts:
 * - member: anyone with an account;
 * - organiser: approved to create events when only approved organisers may;
 * - admin: runs the instance (users, who may create events, its name and
 *   languages, the dev mailbox). Being an administrator opens no event: a
 *   Chatham House room stays closed to the operator unless they take part.
 */
export const PLATFORM_ROLES = ["member", "organiser", "admin"] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** Who may create events: anyone signed in, or only organisers an administrator approved. */
export const EVENT_CREATION = ["approved", "anyone"] as const;
export type EventCreation = (typeof EVENT_CREATION)[number];

/** The interface languages an instance can offer (app/i18n has a translation for each; a unit test checks). */
export const INSTANCE_LANGUAGES = LOCALES;
export type InstanceLanguage = Locale;

export type InstanceSettings = {
  name: string;
  /** Offered in the language switcher; the first is the default for people whose browser asks for none of them. */
  languages: InstanceLanguage[];
  eventCreation: EventCreation;
};

/**
 * A public instance must not let any stranger who signs up publish events under
 * its name, so the default is "approved organisers only".
 */
export const DEFAULT_SETTINGS: InstanceSettings = {
  name: "Plenary",
  languages: [...INSTANCE_LANGUAGES],
  eventCreation: "approved",
};

export const SETTING_KEYS = {
  name: "instance.name",
  languages: "instance.languages",
  eventCreation: "instance.event_creation",
  /** Claimed once, by the account that became the first administrator (a race guard on both engines). */
  firstAdmin: "platform.first_admin",
} as const;

export const settingsInput = z.object({
  name: requiredText(80, zm("platform.nameRequired")),
  languages: z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []),
    z.array(z.enum(INSTANCE_LANGUAGES, { error: zm("platform.unknownLanguage") })).min(1, zm("platform.oneLanguage")),
  ),
  // The default language is listed first; "defaultLanguage" moves it there.
  defaultLanguage: z.enum(INSTANCE_LANGUAGES).optional(),
  eventCreation: z.enum(EVENT_CREATION, { error: zm("platform.eventCreation") }),
});

export const roleInput = z.object({
  role: z.enum(PLATFORM_ROLES, { error: zm("platform.role") }),
});

export const userQuery = z.object({
  q: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(200)),
  role: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.enum(PLATFORM_ROLES).optional()),
  page: z.preprocess((v) => Number(v ?? 1) || 1, z.number().int().min(1).max(10_000)),
});

export function parseSettings(rows: { key: string; value: string }[]): InstanceSettings {
  const get = (k: string) => rows.find((r) => r.key === k)?.value;
  const name = get(SETTING_KEYS.name)?.trim() || DEFAULT_SETTINGS.name;
  // A hand-edited value that is not a list of languages we know reads as the defaults.
  const known = stringList
    .read(get(SETTING_KEYS.languages))
    .filter((l): l is InstanceLanguage => (INSTANCE_LANGUAGES as readonly string[]).includes(l));
  const languages = known.length ? known : DEFAULT_SETTINGS.languages;
  const creation = get(SETTING_KEYS.eventCreation);
  const eventCreation = (EVENT_CREATION as readonly string[]).includes(creation ?? "")
    ? (creation as EventCreation)
    : DEFAULT_SETTINGS.eventCreation;
  return { name, languages, eventCreation };
}
