import { stringList } from "../json-columns";
import { z } from "zod";
import { formBoolean, optionalText, requiredText } from "../forms";
import { emailSchema, nameSchema } from "../validate";

export const REGISTRATION_STATUSES = ["pending", "confirmed", "waitlisted", "rejected", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const ACTIVE_STATUSES: RegistrationStatus[] = ["pending", "confirmed", "waitlisted"];

export type QuestionDef = { id: string; kind: string; label: string; required: boolean; optionsJson: string };

const countryCode = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
  z.string({ error: "Choose a country." }).regex(/^[A-Z]{2}$/, "Choose a country."),
);

/** The built-in registration fields; `identity` fields only apply when nobody is signed in. */
export const registrationFields = z.object({
  organisation: requiredText(200, "Enter your organisation (or “independent”)."),
  categoryKey: requiredText(60, "Choose the kind of organisation you represent."),
  roleTitle: optionalText(200, "Your role"),
  city: requiredText(120, "Enter your city."),
  country: countryCode,
  preferredLanguage: z.preprocess(
    (v) => (v === "" || v == null ? "en" : v),
    z.string().regex(/^[a-z]{2,3}$/, "Choose a language."),
  ),
  accessibilityNeeds: optionalText(1000, "Accessibility needs"),
  gender: z.preprocess(
    (v) => (typeof v === "string" && v.trim() ? v.trim() : null),
    z.string().max(60, "At most 60 characters.").nullable(),
  ),
  consentData: formBoolean.refine((v) => v, "You need to agree to the processing of your data to register."),
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
  const errors: Record<string, string[]> = {};
  for (const q of questions) {
    const key = `q_${q.id}`;
    const value = raw[key];
    const options = stringList.read(q.optionsJson);
    if (q.kind === "multi_choice") {
      const picked = (Array.isArray(value) ? value : value == null || value === "" ? [] : [value]).map(String);
      if (picked.some((p) => !options.includes(p))) errors[key] = ["Choose from the options given."];
      else if (q.required && picked.length === 0) errors[key] = ["Choose at least one option."];
      else answers[q.id] = picked;
      continue;
    }
    const text = typeof value === "string" ? value.trim() : "";
    const max = q.kind === "long_text" ? 4000 : 300;
    if (q.required && !text)
      errors[key] = [q.kind === "single_choice" ? "Choose an option." : "This question needs an answer."];
    else if (text.length > max) errors[key] = [`At most ${max} characters.`];
    else if (q.kind === "single_choice" && text && !options.includes(text))
      errors[key] = ["Choose from the options given."];
    else answers[q.id] = text;
  }
  return { answers, errors };
}
