import { z } from "zod";
import { formBoolean, lineList, optionalHttpUrl, optionalInt, optionalText, requiredText } from "../forms";
import { timezoneSchema } from "../time";
import { zm } from "../i18n/zod-messages";

export const EVENT_FORMATS = ["online", "hybrid", "in_person"] as const;
export const AGENDA_KINDS = ["opening", "panel", "breakout", "plenary", "closing", "other"] as const;
export const QUESTION_KINDS = ["short_text", "long_text", "single_choice", "multi_choice"] as const;
export const EVENT_STATUSES = ["draft", "published", "cancelled", "closed"] as const;

export const DEFAULT_CATEGORIES: [string, string][] = [
  ["local_government", "Local or regional government"],
  ["national_government", "National government"],
  ["international_org", "International organisation"],
  ["civil_society", "Civil society / NGO"],
  ["migrant_led", "Migrant-led or community organisation"],
  ["academia", "Academia / research"],
  ["city_network", "City network"],
  ["private_sector", "Private sector"],
  ["other", "Other"],
];

const localDateTime = z.string({ error: zm("events.dateTime") }).trim();
const optionalLocalDateTime = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z.string().trim().nullable(),
);

/** The event form as organisers fill it in; times are wall-clock times in the event's timezone. */
export const eventInput = z.object({
  title: requiredText(200, zm("events.title")),
  description: optionalText(20_000),
  format: z.enum(EVENT_FORMATS, { error: zm("events.format") }),
  venue: optionalText(300),
  meetingUrl: optionalHttpUrl,
  timezone: timezoneSchema,
  startsAt: localDateTime,
  endsAt: localDateTime,
  languages: z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []),
    z.array(z.string().regex(/^[a-z]{2,3}$/, zm("events.languageCode"))).min(1, zm("events.workingLanguage")),
  ),
  chathamHouse: formBoolean,
  capacity: optionalInt(1, 100_000, zm("events.capacity")),
  registrationOpensAt: optionalLocalDateTime,
  registrationClosesAt: optionalLocalDateTime,
  requiresApproval: formBoolean,
  partners: lineList(30, 200),
  // The organisations running the event ("Organised by"); people's account names are not organisers.
  organisations: lineList(10, 200, true),
  retentionDays: optionalInt(1, 3650, zm("events.retention")),
});
export type EventInput = z.infer<typeof eventInput>;

export const agendaItemInput = z.object({
  kind: z.enum(AGENDA_KINDS, { error: zm("agenda.kind") }),
  title: requiredText(200, zm("agenda.title")),
  description: optionalText(2000),
  startsAt: localDateTime,
  endsAt: localDateTime,
  // One speaker per line: "Name | title | organisation".
  speakers: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(5000)),
});

export const categoryInput = z.object({ label: requiredText(100, zm("form.categoryName")) });

export const questionInput = z
  .object({
    kind: z.enum(QUESTION_KINDS, { error: zm("form.questionKind") }),
    label: requiredText(300, zm("form.questionLabel")),
    options: lineList(30, 200),
    required: formBoolean,
  })
  .superRefine((q, ctx) => {
    const choice = q.kind === "single_choice" || q.kind === "multi_choice";
    if (choice && q.options.length < 2)
      ctx.addIssue({ code: "custom", path: ["options"], message: zm("form.twoOptions") });
  });

export function parseSpeakers(text: string) {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 20)
    .map((line, position) => {
      const [name = "", title = "", organisation = ""] = line.split("|").map((p) => p.trim());
      return {
        name: name.slice(0, 120),
        title: title.slice(0, 200),
        organisation: organisation.slice(0, 200),
        position,
      };
    })
    .filter((s) => s.name);
}

/**
 * The fields every registration form asks already (RegistrationForm.tsx), under the
 * names organisers tend to give them, so a custom question cannot ask one again.
 */
export const BUILT_IN_FIELDS: { key: string; label: string; names: string[] }[] = [
  { key: "name", label: "Full name", names: ["name", "full name", "first name", "last name", "surname"] },
  { key: "email", label: "Email", names: ["email", "e mail", "email address", "mail"] },
  { key: "organisation", label: "Organisation", names: ["organisation", "organization", "institution", "affiliation"] },
  {
    key: "category",
    label: "Kind of organisation",
    names: [
      "category",
      "stakeholder category",
      "stakeholder group",
      "kind of organisation",
      "type of organisation",
      "sector",
    ],
  },
  {
    key: "roleTitle",
    label: "Role or title",
    names: ["role", "title", "role title", "role or title", "job title", "position", "function"],
  },
  { key: "city", label: "City", names: ["city", "town", "municipality"] },
  { key: "country", label: "Country", names: ["country", "nationality country"] },
  { key: "language", label: "Preferred language", names: ["language", "preferred language"] },
  {
    key: "accessibility",
    label: "Accessibility needs",
    names: ["accessibility", "accessibility needs", "access needs", "special needs"],
  },
  { key: "gender", label: "Gender (optional, self-described)", names: ["gender", "sex", "gender identity"] },
  { key: "consentQuote", label: "May be quoted by name", names: ["may we quote you", "quote", "consent to be quoted"] },
];

const normalise = (label: string) =>
  label
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\((optional|required)\)/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/^(your|you|what is your|whats your) /, "")
    .trim();

/** The built-in field a question's label would ask again, if any. */
export function builtInAskedBy(label: string) {
  const n = normalise(label);
  return BUILT_IN_FIELDS.find((f) => f.names.includes(n)) ?? null;
}
