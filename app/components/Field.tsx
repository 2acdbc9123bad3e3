import { useId } from "react";
import { useTranslation } from "react-i18next";
import { translateServerMessage } from "~/i18n";

type Props = {
  label: string;
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

/** The form-level message, announced when it appears. */
export function FormMessage({ message }: { message?: string }) {
  const { i18n } = useTranslation();
  if (!message) return null;
  return (
    <div className="form-error" role="alert">
      {translateServerMessage(i18n, message)}
    </div>
  );
}
