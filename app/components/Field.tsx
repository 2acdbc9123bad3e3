import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { translateServerMessage } from "~/i18n";

type Props = {
  label: ReactNode;
  name: string;
  type?: string;
  defaultValue?: string;
  errors?: string[];
  hint?: string;
  autoComplete?: string;
  required?: boolean;
  list?: string;
  inputMode?: "text" | "email" | "numeric";
};

/** A labelled input whose errors and hint are tied to it for screen readers. */
export function Field({
  label,
  name,
  type = "text",
  defaultValue,
  errors,
  hint,
  autoComplete,
  required,
  list,
  inputMode,
}: Props) {
  const id = useId();
  const { i18n } = useTranslation();
  const describedBy =
    [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        required={required}
        list={list}
        inputMode={inputMode}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
      />
      {errors?.length ? (
        <p className="field-error" id={`${id}-error`}>
          {errors.map((e) => translateServerMessage(i18n, e)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

type Problem = { id: string; label: string; error: string };

/**
 * The error summary of a failed submit: the form-level message, then each field that needs
 * attention as a link to it. It takes focus when it appears, so a keyboard or screen-reader
 * user lands on what went wrong instead of on <body> (WCAG 3.3.1, 2.4.3).
 */
export function FormMessage({ message }: { message?: string }) {
  const { i18n, t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  // A new answer from the action (the same message twice is still a new failure to land on).
  const submitted = useActionData();
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // The fields the failed submit marked invalid, read from the page so every form gets its summary:
    // this form's when the message sits in it, else the page's (one form fails at a time).
    const scope = el.closest("form") ?? el.closest("main") ?? document;
    const seen = new Set<Element>();
    const found: Problem[] = [];
    for (const f of scope.querySelectorAll<HTMLElement>("[aria-invalid='true'][id]")) {
      // A group of choices is one question: its legend names it, its first box is where to go.
      const group = f.closest("fieldset.choices") ?? f;
      if (seen.has(group)) continue;
      seen.add(group);
      const label =
        group === f
          ? ((f as HTMLInputElement).labels?.[0]?.textContent ?? "")
          : (group.querySelector("legend")?.textContent ?? "");
      const error = (group.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .filter((x) => x.endsWith("-error"))
        .map((x) => document.getElementById(x)?.textContent ?? "")
        .join(" ");
      found.push({ id: f.id, label: label.replace(/\s*\*$/, "").trim(), error: error.trim() });
    }
    setProblems(found);
    el.focus();
  }, [message, submitted]);
  if (!message) return null;
  return (
    <div className="form-error" role="alert" tabIndex={-1} ref={box} data-testid="error-summary">
      <p>{translateServerMessage(i18n, message)}</p>
      {problems.length ? (
        <ul aria-label={t("a11y.problems")}>
          {problems.map((p) => (
            <li key={p.id}>
              <a
                href={`#${p.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(p.id)?.focus();
                }}
              >
                {p.label}
              </a>
              {p.error ? `: ${p.error}` : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
