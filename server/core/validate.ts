import { z } from "zod";
import { validationError, type FieldErrors } from "./errors";
import { type Message, msg } from "./i18n/message";
import { issueMessage, zm } from "./i18n/zod-messages";

/** A zod error's issues as messages per field (`_form` for the input as a whole). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (fieldErrors[key] ??= []).push(issueMessage(issue));
  }
  return fieldErrors;
}

/** Parses input with a zod schema; failures become a DomainError with per-field messages. */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  message: Message = msg("common.correctFields"),
): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationError(message, fieldErrorsOf(result.error));
}

export const emailSchema = z
  .string({ error: zm("auth.emailRequired") })
  .trim()
  .min(1, zm("auth.emailRequired"))
  .max(254, zm("auth.emailTooLong"))
  // The Unicode pattern accepts internationalised addresses (names in Arabic, CJK...).
  .pipe(z.email({ pattern: z.regexes.unicodeEmail, error: zm("auth.emailInvalid") }))
  .transform((e) => e.toLowerCase());

export const passwordSchema = z
  .string({ error: zm("auth.passwordRequired") })
  .min(10, zm("auth.passwordTooShort"))
  .max(200, zm("auth.passwordTooLong"));

export const nameSchema = z
  .string({ error: zm("auth.nameRequired") })
  .trim()
  .min(1, zm("auth.nameRequired"))
  .max(120, zm("auth.nameTooLong"));
