import { localeOr } from "../i18n/locales";
import { answers, stringList } from "../json-columns";
import { audit } from "../audit";
import { z } from "zod";
import type { Db } from "../../db/client";
import type { Clock } from "../clock";
import { countryCode } from "../countries";
import { conflict, notFound, validationError, type FieldErrors } from "../errors";
import { formBoolean, optionalText, requiredText } from "../forms";
import { readCsvRows } from "../csv-import";
import { type Actor, requirePermission } from "../permissions";
import { emailSchema, nameSchema } from "../validate";
import { ACTIVE_STATUSES } from "./schemas";
import { issueMessage, zm } from "../i18n/zod-messages";
import { rowProblem } from "../csv-import";
import type { Message } from "../i18n/message";
import { msg } from "../i18n/message";

/**
 * People the team records themselves, whatever the registration window: a
 * session that already happened, an in-person meeting with a paper sign-in
 * sheet, a participant who phoned. The team attests that each person agreed
 * to their data being recorded; nobody is emailed unless the team asks.
 */

const yes = z.preprocess(
  (v) => (typeof v === "string" ? /^(1|y|yes|oui|sí|si|x|true|on|نعم)$/i.test(v.trim()) : v === true),
  z.boolean(),
);
const country = z.preprocess(
  (v) => (typeof v === "string" && v.trim() ? (countryCode(v) ?? `?${v}`) : ""),
  z.string().refine((c) => !c.startsWith("?"), zm("recorded.unknownCountry")),
);

const person = {
  name: nameSchema,
  email: emailSchema,
  organisation: requiredText(200, zm("recorded.organisation")),
  roleTitle: optionalText(200),
  city: optionalText(120),
  country,
  preferredLanguage: z.preprocess(
    (v) => (typeof v === "string" && v.trim() ? v.trim().toLowerCase() : "en"),
    z.string().regex(/^[a-z]{2,3}$/, zm("recorded.languageCode")),
  ),
  gender: z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim() : null), z.string().max(60).nullable()),
  attended: yes,
  consentQuote: yes,
};

/** One person typed in the form. */
export const recordInput = z.object({
  ...person,
  categoryKey: requiredText(60, zm("recorded.category")),
  consentData: formBoolean.refine((v) => v, zm("recorded.consent")),
  notify: formBoolean,
});

/** One row of a spreadsheet: the category by key or by name, a missing name taken from the address. */
const recordRow = z.object({
  ...person,
  name: z.preprocess((v) => (typeof v === "string" && v.trim() ? v : undefined), nameSchema.optional()),
  category: requiredText(100, zm("recorded.stakeholder")),
});

export const importOptions = z.object({
  consentData: formBoolean.refine((v) => v, zm("recorded.consentAll")),
  validOnly: formBoolean,
  notify: formBoolean,
});

/** Spreadsheet headings people actually use, mapped to ours. */
const HEADINGS: Record<string, string> = {
  "full name": "name",
  "e-mail": "email",
  mail: "email",
  organization: "organisation",
  "stakeholder category": "category",
  "kind of organisation": "category",
  "stakeholder group": "category",
  role: "roleTitle",
  title: "roleTitle",
  "role or title": "roleTitle",
  language: "preferredLanguage",
  "preferred language": "preferredLanguage",
  attendance: "attended",
  present: "attended",
  "checked in": "attended",
  quote: "consentQuote",
  "may be quoted": "consentQuote",
  "may be quoted by name": "consentQuote",
};
const heading = (h: string) => {
  const k = h.trim().toLowerCase();
  return HEADINGS[k] ?? (k === "roletitle" ? "roleTitle" : k);
};

export type RecordReport = {
  added: number;
  attendance: number;
  skipped: { line: number; email: string; reason: Message }[];
  errors: { line: number; messages: Message[] }[];
  dryRun: boolean;
};

type Person = Omit<z.infer<typeof recordInput>, "name"> & { name?: string; categoryId: string };

export interface RecordDeps {
  db: Db;
  clock: Clock;
  takeSeat: (tx: Parameters<Parameters<Db["$transaction"]>[0]>[0], eventId: string) => Promise<boolean>;
  /** Sends the registration's confirmation (with a one-time sign-in link), when the team asks. */
  confirm: (registrationId: string, userId: string, eventSlug: string, baseUrl: string) => Promise<void>;
  changed: (eventId: string) => void;
}

export function createRecordedRegistrations({ db, clock, takeSeat, confirm, changed }: RecordDeps) {
  async function loadEvent(eventId: string) {
    const event = await db.event.findUnique({ where: { id: eventId } });
    if (!event) throw notFound("event");
    if (event.status === "cancelled") throw conflict(msg("recorded.eventCancelled"));
    return event;
  }

  /** When a recorded person attended: now during or before the event, its start once it is over. */
  const attendedAt = (event: { startsAt: Date; endsAt: Date }) =>
    clock.now() > event.endsAt ? event.startsAt : clock.now();

  async function userFor(p: { email: string; name?: string | undefined; preferredLanguage: string }) {
    const existing = await db.user.findUnique({ where: { email: p.email } });
    if (existing) return existing.id;
    const locale = localeOr(p.preferredLanguage);
    try {
      return (await db.user.create({ data: { email: p.email, name: p.name ?? p.email.split("@")[0]!, locale } })).id;
    } catch {
      return (await db.user.findUniqueOrThrow({ where: { email: p.email } })).id;
    }
  }

  /**
   * Records one person as a confirmed participant (and present, if they
   * attended). Someone already registered keeps their registration; their
   * attendance is recorded if asked.
   */
  async function recordOne(event: Awaited<ReturnType<typeof loadEvent>>, p: Person) {
    const userId = await userFor(p);
    const previous = await db.registration.findUnique({ where: { eventId_userId: { eventId: event.id, userId } } });
    if (previous && (ACTIVE_STATUSES as string[]).includes(previous.status)) {
      if (p.attended && previous.status === "confirmed" && !previous.checkedInAt) {
        await db.registration.update({ where: { id: previous.id }, data: { checkedInAt: attendedAt(event) } });
        return { outcome: "attendance" as const, id: previous.id, userId };
      }
      return { outcome: "already" as const, id: previous.id, userId };
    }
    const data = {
      status: "confirmed",
      organisation: p.organisation,
      categoryId: p.categoryId,
      roleTitle: p.roleTitle,
      city: p.city,
      country: p.country,
      preferredLanguage: p.preferredLanguage,
      gender: p.gender,
      consentData: true,
      consentQuote: p.consentQuote,
      accessibilityNeeds: "",
      answersJson: answers.write({}),
      checkedInAt: p.attended ? attendedAt(event) : null,
      createdAt: clock.now(),
    };
    const reg = await db.$transaction(async (tx) => {
      if (!(await takeSeat(tx, event.id))) throw new NoSeat();
      const r = previous
        ? await tx.registration.update({ where: { id: previous.id }, data })
        : await tx.registration.create({ data: { eventId: event.id, userId, ...data } });
      await tx.eventRole.upsert({
        where: { eventId_userId_role: { eventId: event.id, userId, role: "participant" } },
        create: { eventId: event.id, userId, role: "participant" },
        update: {},
      });
      return r;
    });
    return { outcome: "added" as const, id: reg.id, userId };
  }

  const full = () => conflict(msg("recorded.full"));

  return {
    /** What the team's form offers: the event's categories and languages, and whether it is over. */
    async recordSpec(actor: Actor, eventId: string) {
      await requirePermission(db, actor, eventId, "registration.record");
      const event = await db.event.findUnique({
        where: { id: eventId },
        include: { categories: { orderBy: { position: "asc" } } },
      });
      if (!event) throw notFound("event");
      return {
        categories: event.categories.map((c) => ({ key: c.key, label: c.label })),
        languages: stringList.read(event.languagesJson),
        ended: clock.now() > event.endsAt,
        format: event.format,
        cancelled: event.status === "cancelled",
      };
    },

    /** One person, from the team's form. */
    async record(actor: Actor, eventId: string, input: unknown, baseUrl: string) {
      const user = await requirePermission(db, actor, eventId, "registration.record");
      const event = await loadEvent(eventId);
      const parsed = recordInput.safeParse(input);
      const errors: FieldErrors = {};
      if (!parsed.success) for (const i of parsed.error.issues) (errors[i.path.join(".")] ??= []).push(issueMessage(i));
      const categories = await db.stakeholderCategory.findMany({ where: { eventId } });
      const category = categories.find((c) => c.key === (input as { categoryKey?: unknown } | null)?.categoryKey);
      if (!category) errors.categoryKey = [msg("recorded.category")];
      if (Object.keys(errors).length) throw validationError(msg("common.correctFields"), errors);
      const p = { ...parsed.data!, categoryId: category!.id };
      let r;
      try {
        r = await recordOne(event, p);
      } catch (e) {
        if (e instanceof NoSeat) throw full();
        throw e;
      }
      if (r.outcome === "already")
        throw conflict(msg("recorded.alreadyRegistered"), {
          email: [msg("registration.alreadyRegistered")],
        });
      await audit(db, {
        eventId,
        actorId: user.userId,
        action: r.outcome === "added" ? "registration.record" : "registration.attendance",
        details: { registrationId: r.id, attended: p.attended },
      });
      if (r.outcome === "added" && p.notify) await confirm(r.id, r.userId, event.slug, baseUrl);
      changed(eventId);
      return { outcome: r.outcome, registrationId: r.id };
    },

    /**
     * A spreadsheet of people (CSV). Every row is checked and reported with its
     * line number; nothing is recorded while any row is bad, unless the team
     * asks to record the valid rows only.
     */
    async importCsv(
      actor: Actor,
      eventId: string,
      csv: string,
      options: unknown,
      baseUrl: string,
    ): Promise<RecordReport> {
      const user = await requirePermission(db, actor, eventId, "registration.record");
      const opts = importOptionsParsed(options);
      const event = await loadEvent(eventId);
      const records = readCsvRows(csv, {
        heading,
        required: ["email", "organisation", "category"],
        missing: (missing) => msg("recorded.columns", { missing: missing.join(", ") }),
      });

      const categories = await db.stakeholderCategory.findMany({ where: { eventId } });
      const seen = new Set<string>();
      const errors: RecordReport["errors"] = [];
      const valid: { line: number; person: Person }[] = [];
      records.forEach((record, i) => {
        const line = i + 2; // line 1 is the header
        const r = recordRow.safeParse(record);
        const messages = r.success ? [] : r.error.issues.map(rowProblem);
        const wanted = (record.category ?? "").trim().toLowerCase();
        const category = categories.find((c) => c.key === wanted || c.label.toLowerCase() === wanted);
        if (wanted && !category)
          messages.push(
            msg("common.fieldProblem", {
              field: "category",
              problem: msg("recorded.unknownCategory", {
                category: record.category ?? "",
                known: categories.map((c) => c.label).join("; "),
              }),
            }),
          );
        if (r.success && seen.has(r.data.email))
          messages.push(
            msg("common.fieldProblem", { field: "email", problem: msg("recorded.twice", { email: r.data.email }) }),
          );
        if (messages.length || !r.success || !category) errors.push({ line, messages });
        else {
          seen.add(r.data.email);
          valid.push({
            line,
            person: {
              ...r.data,
              categoryKey: category.key,
              categoryId: category.id,
              consentData: true,
              notify: opts.notify,
            },
          });
        }
      });
      if (errors.length > 0 && !opts.validOnly) return { added: 0, attendance: 0, skipped: [], errors, dryRun: true };

      const report: RecordReport = { added: 0, attendance: 0, skipped: [], errors, dryRun: false };
      for (const { line, person: p } of valid) {
        let r;
        try {
          r = await recordOne(event, p);
        } catch (e) {
          if (!(e instanceof NoSeat)) throw e;
          report.skipped.push({ line, email: p.email, reason: msg("recorded.skippedFull") });
          continue;
        }
        if (r.outcome === "already")
          report.skipped.push({ line, email: p.email, reason: msg("recorded.skippedAlready") });
        else if (r.outcome === "attendance") report.attendance++;
        else {
          report.added++;
          if (opts.notify) await confirm(r.id, r.userId, event.slug, baseUrl);
        }
      }
      await audit(db, {
        eventId,
        actorId: user.userId,
        action: "registrations.import",
        details: { added: report.added, attendance: report.attendance, errors: errors.length },
      });
      changed(eventId);
      return report;
    },
  };
}

function importOptionsParsed(options: unknown) {
  const r = importOptions.safeParse(options ?? {});
  if (r.success) return r.data;
  const errors: FieldErrors = {};
  for (const i of r.error.issues) (errors[i.path.join(".")] ??= []).push(issueMessage(i));
  throw validationError(issueMessage(r.error.issues[0]!), errors);
}

class NoSeat extends Error {}
