import { z } from "zod";
import { zm } from "./i18n/zod-messages";

// Coercions for values that arrive from HTML forms (strings, "on", "") as well
// as from typed callers (booleans, numbers, arrays), so one schema serves both doors.

export const formBoolean = z.preprocess(
  (v) => v === true || v === "on" || v === "true" || v === "1" || v === "yes",
  z.boolean(),
);

/**
 * Control characters other than tab and newlines have no place in what people
 * type, and PostgreSQL refuses NUL in text: they are dropped at the boundary.
 */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what is stripped
export const stripControls = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");

/**
 * A UTF-16 string with a surrogate half on its own (JSON can carry "\uD800")
 * is not text: it cannot be stored as UTF-8 (PostgreSQL and SQLite refuse it)
 * nor shown. The socket door refuses such payloads with a validation error;
 * the HTTP door cannot receive them (bodies are decoded from UTF-8) and replaces any with U+FFFD.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const isWellFormedText = (s: string) => !LONE_SURROGATE.test(s);
export const toWellFormed = (s: string) => s.replace(new RegExp(LONE_SURROGATE, "g"), "\uFFFD");

export const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? stripControls(v).trim() : (v ?? "")),
    z.string().max(max, zm("events.fieldTooLong", { max })),
  );

/** `message` (from zm) says what is missing; the bound is said on its own (a schema-wide error would say it for every issue). */
export const requiredText = (max: number, message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? stripControls(v).trim() : v),
    z.string({ error: message }).min(1, message).max(max, zm("validation.tooLong", { max })),
  );

/** "" or missing means no value; otherwise a whole number within bounds. */
export const optionalInt = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? null : typeof v === "string" ? Number(v.trim()) : v),
    z.number({ error: message }).int(message).min(min, message).max(max, message).nullable(),
  );

/**
 * A list typed one item per line (or comma-separated), or given as an array.
 * `linesOnly` keeps commas inside items: names such as "University of Ghana, Centre for Migration Studies".
 */
export const lineList = (maxItems: number, maxLength: number, linesOnly = false) =>
  z.preprocess(
    (v) =>
      (Array.isArray(v) ? v : typeof v === "string" ? v.split(linesOnly ? /\n/ : /[\n,]/) : [])
        .map((x) => String(x).trim())
        .filter(Boolean),
    z
      .array(z.string().max(maxLength, zm("events.itemTooLong", { max: maxLength })))
      .max(maxItems, zm("validation.tooMany", { max: maxItems })),
  );

export const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === "https:" || u.protocol === "http:";
    } catch {
      return false;
    }
  }, zm("events.webAddress"));

export const optionalHttpUrl = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  httpUrl.nullable().optional(),
);
