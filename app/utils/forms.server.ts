import { json } from "@remix-run/node";
import { formToObject } from "./form-data";
// Only the pure errors module: the stateful core arrives through the load context.
import { httpStatusOf, isDomainError, validationError, type FieldErrors } from "../../server/core/errors";
import { type Message, msg } from "../../server/core/i18n/message";

export type FormValues = Record<string, string | string[]>;
export type FormResult = { ok: false; message: Message; fieldErrors: FieldErrors; values: FormValues };

/** What the user typed, to put back in the form; passwords are never sent back. */
export function formValues(form: FormData, omit: string[] = ["password"]): FormValues {
  const out = formToObject(form);
  for (const k of omit) delete out[k];
  return out;
}

/**
 * Runs a core call for a form action. A domain error re-renders the form with
 * field errors and the user's values kept (passwords excepted); anything else
 * is a bug and goes to the error boundary.
 */
export async function formAction<T>(
  form: FormData,
  fn: () => Promise<T>,
): Promise<T | ReturnType<typeof json<FormResult>>> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Response) throw e;
    if (!isDomainError(e)) throw e;
    return json<FormResult>(
      { ok: false, message: e.said, fieldErrors: e.fieldErrors, values: formValues(form) },
      { status: httpStatusOf[e.code] },
    );
  }
}

/** Turns a domain error thrown in a loader into the HTTP response the error boundary shows. */
export function asHttpError(e: unknown): never {
  if (isDomainError(e)) throw json({ message: e.said }, { status: httpStatusOf[e.code] });
  throw e;
}

/**
 * The submitted form. The server refuses bodies that are not forms or too
 * large before this reads them (server/http/bodies.ts); one that claims to
 * be a form but cannot be parsed is the sender's error (400), not ours.
 */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw json({ message: msg("common.formUnreadable") }, { status: 400 });
  }
}

/**
 * Destructive and public actions (cancel or publish an event, publish or withdraw a
 * report, delete, disable) run only when the form says the person confirmed
 * (components/Confirm.tsx), so no stray click or replayed request does them.
 */
export function requireConfirmed(form: FormData) {
  if (form.get("confirmed") !== "yes")
    throw validationError(msg("common.confirmFirst"), { _form: [msg("common.confirmFirst")] });
}
