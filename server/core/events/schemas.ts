import { z } from "zod";
import { formBoolean, lineList, optionalHttpUrl, optionalInt, optionalText, requiredText } from "../forms";
import { timezoneSchema } from "../time";

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

const localDateTime = z.string({ error: "Enter a date and time." }).trim();
const optionalLocalDateTime = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z.string().trim().nullable(),
);

/** The event form as organisers fill it in; times are wall-clock times in the event's timezone. */
export const eventInput = z.object({
  title: requiredText(200, "Give the event a title."),
  description: optionalText(20_000, "The description"),
  format: z.enum(EVENT_FORMATS, { error: "Choose online, hybrid or in person." }),
  venue: optionalText(300, "The venue"),
  meetingUrl: optionalHttpUrl,
  timezone: timezoneSchema,
  startsAt: localDateTime,
  endsAt: localDateTime,
  languages: z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []),
    z.array(z.string().regex(/^[a-z]{2,3}$/, "Unknown language code.")).min(1, "Choose at least one working language."),
  ),
  chathamHouse: formBoolean,
  capacity: optionalInt(1, 100_000, "Capacity must be a whole number of at least 1 (or empty for no limit)."),
  registrationOpensAt: optionalLocalDateTime,
  registrationClosesAt: optionalLocalDateTime,
  requiresApproval: formBoolean,
  partners: lineList(30, 200),
  retentionDays: optionalInt(
    1,
    3650,
    "Keep personal data between 1 and 3,650 days after the event (or leave empty to keep it).",
  ),
});
export type EventInput = z.infer<typeof eventInput>;

export const agendaItemInput = z.object({
  kind: z.enum(AGENDA_KINDS, { error: "Choose what kind of item this is." }),
  title: requiredText(200, "Give the item a title."),
  description: optionalText(2000, "The description"),
  startsAt: localDateTime,
  endsAt: localDateTime,
  // One speaker per line: "Name | title | organisation".
  speakers: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(5000)),
});

export const categoryInput = z.object({ label: requiredText(100, "Give the category a name.") });

export const questionInput = z
  .object({
    kind: z.enum(QUESTION_KINDS, { error: "Choose a question type." }),
    label: requiredText(300, "Write the question."),
    options: lineList(30, 200),
    required: formBoolean,
  })
  .superRefine((q, ctx) => {
    const choice = q.kind === "single_choice" || q.kind === "multi_choice";
    if (choice && q.options.length < 2)
      ctx.addIssue({ code: "custom", path: ["options"], message: "Give at least two options, one per line." });
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
