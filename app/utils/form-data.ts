import { stripControls, toWellFormed } from "../../server/core/forms";

/**
 * A form's fields as an object for the core: repeated names (checkbox groups,
 * multiple choice) become arrays. Files are dropped; uploads are read apart.
 */
export function formToObject(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    // Control characters (NUL above all, which PostgreSQL refuses) never reach the core.
    const values = form
      .getAll(key)
      .filter((v): v is string => typeof v === "string")
      .map((v) => toWellFormed(stripControls(v)));
    if (values.length === 0) continue;
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

/** One value typed in a form, as a string (the first, when there were several). */
export function one(values: Record<string, string | string[]> | undefined, key: string): string | undefined {
  const v = values?.[key];
  return Array.isArray(v) ? v[0] : v;
}

/** Every value of a repeated field (checkbox groups). */
export function many(values: Record<string, string | string[]> | undefined, key: string): string[] | undefined {
  const v = values?.[key];
  return v === undefined ? undefined : Array.isArray(v) ? v : [v];
}
