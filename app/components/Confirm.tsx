import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * A destructive or public action that asks first. The visible control only
 * opens the question in place; the form inside, with its confirm button, is
 * the one that acts, and it sends `confirmed=yes`, which the route requires
 * (utils/forms.server.ts, requireConfirmed). A native <details>, so it works
 * before script loads, by keyboard and with screen readers.
 */
export function Confirm({
  summary,
  question,
  confirmLabel,
  fields,
  danger,
  children,
  summaryLabel,
}: {
  /** The action as the button shows it, e.g. "Cancel the event…". */
  summary: string;
  /** What will happen, said plainly. */
  question: string;
  confirmLabel: string;
  /** Hidden values that say what to do (intent, ids). */
  fields: Record<string, string>;
  danger?: boolean;
  /** Extra inputs asked together with the confirmation (a change note, a notice). */
  children?: ReactNode;
  /** Accessible name of the summary when the visible text is not enough ("Remove: Panel"). */
  summaryLabel?: string;
}) {
  return (
    <details className={`confirm${danger ? " confirm-danger" : ""}`}>
      <summary aria-label={summaryLabel}>{summary}</summary>
      <Form method="post" className="confirm-body">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirmed" value="yes" />
        <p>{question}</p>
        {children}
        <button type="submit" className={danger ? "danger" : undefined}>
          {confirmLabel}
        </button>
      </Form>
    </details>
  );
}
