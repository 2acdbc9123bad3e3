import { z } from "zod";
import { validationError, type FieldErrors } from "./errors";

/** Parses input with a zod schema; failures become a DomainError with per-field messages. */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  message = "Please correct the highlighted fields.",
): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw validationError(message, fieldErrors);
}

export const emailSchema = z
  .string({ error: "Email is required." })
  .trim()
  .min(1, "Email is required.")
  .max(254, "Email is too long.")
  // The Unicode pattern accepts internationalised addresses (names in Arabic, CJK...).
  .pipe(z.email({ pattern: z.regexes.unicodeEmail, error: "Enter a valid email address." }))
  .transform((e) => e.toLowerCase());

export const passwordSchema = z
  .string({ error: "Password is required." })
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.");

export const nameSchema = z
  .string({ error: "Name is required." })
  .trim()
  .min(1, "Name is required.")
  .max(120, "Name is too long.");
