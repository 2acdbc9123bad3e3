import { stringList } from "../json-columns";
import { z } from "zod";
import { formBoolean, optionalText, requiredText } from "../forms";
import { emailSchema, nameSchema } from "../validate";
import { zm } from "../i18n/zod-messages";
import { msg } from "../i18n/message";
import type { FieldErrors } from "../errors";

export const REGISTRATION_STATUSES = ["pending", "confirmed", "waitlisted", "rejected", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const ACTIVE_STATUSES: RegistrationStatus[] = ["pending", "confirmed", "waitlisted"];

export type QuestionDef = { id: string; kind: string; label: string; required: boolean; optionsJson: string };

const countryCode = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
  z.string({ error: zm("registration.country") }).regex(/^[A-Z]{2}$/, zm("registration.country")),
);

/** The built-in registration fields; `identity` fields only apply when nobody is signed in. */
export const registrationFields = z.object({
  organisation: requiredText(200, zm("registration.organisation")),
  categoryKey: requiredText(60, zm("registration.category")),
  roleTitle: optionalText(200),
  city: requiredText(120, zm("registration.city")),
  country: countryCode,
  preferredLanguage: z.preprocess(
    (v) => (v === "" || v == null ? "en" : v),
    z.string().regex(/^[a-z]{2,3}$/, zm("registration.language")),
  ),
  accessibilityNeeds: optionalText(1000),
  gender: z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim() : null), z.string().max(60).nullable()),
  consentData: formBoolean.refine((v) => v, zm("registration.consent")),
  consentQuote: formBoolean,
});

export const identityFields = z.object({ name: nameSchema, email: emailSchema });

/**
 * Validates answers to an event's own questions. Answers arrive as
 * `q_<questionId>` form fields (or an `answers` object), several values for
 * multiple choice.
 */
export function parseAnswers(questions: QuestionDef[], raw: Record<string, unknown>) {
  const answers: Record<string, string | string[]> = {};
  const errors: FieldErrors = {};
  for (const q of questions) {
    const key = `q_${q.id}`;
    const value = raw[key];
    const options = stringList.read(q.optionsJson);
    if (q.kind === "multi_choice") {
      const picked = (Array.isArray(value) ? value : value == null || value === "" ? [] : [value]).map(String);
      if (picked.some((p) => !options.includes(p))) errors[key] = [msg("registration.chooseFromOptions")];
      else if (q.required && picked.length === 0) errors[key] = [msg("registration.chooseAtLeastOne")];
      else answers[q.id] = picked;
      continue;
    }
    const text = typeof value === "string" ? value.trim() : "";
    const max = q.kind === "long_text" ? 4000 : 300;
    if (q.required && !text)
      errors[key] = [q.kind === "single_choice" ? msg("registration.chooseOne") : msg("registration.answerNeeded")];
    else if (text.length > max) errors[key] = [msg("validation.tooLong", { max })];
    else if (q.kind === "single_choice" && text && !options.includes(text))
      errors[key] = [msg("registration.chooseFromOptions")];
    else answers[q.id] = text;
  }
  return { answers, errors };
}
