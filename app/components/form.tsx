import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { translateServerMessage } from "~/i18n";

// Labelled form controls whose hints and errors are tied to them for screen
// readers (aria-describedby, aria-invalid). Field.tsx holds the plain input.

type Base = { label: ReactNode; name: string; errors?: string[]; hint?: string; required?: boolean };

function describe(id: string, hint?: string, errors?: string[]) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Messages({ id, hint, errors }: { id: string; hint?: string; errors?: string[] }) {
  const { i18n } = useTranslation();
  return (
    <>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p className="field-error" id={`${id}-error`}>
          {errors.map((e) => translateServerMessage(i18n, e)).join(" ")}
        </p>
      ) : null}
    </>
  );
}

export function TextArea({
  label,
  name,
  errors,
  hint,
  required,
  defaultValue,
  rows = 4,
  maxLength,
}: Base & { defaultValue?: string; rows?: number; maxLength?: number }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        required={required}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describe(id, hint, errors)}
      />
      <Messages id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function Select({
  label,
  name,
  errors,
  hint,
  required,
  defaultValue,
  options,
  placeholder,
}: Base & { defaultValue?: string; options: { value: string; label: string }[]; placeholder?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        required={required}
        defaultValue={defaultValue ?? ""}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describe(id, hint, errors)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Messages id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function Checkbox({ label, name, errors, hint, defaultChecked, required }: Base & { defaultChecked?: boolean }) {
  const id = useId();
  return (
    <div className="field checkbox">
      <input
        id={id}
        type="checkbox"
        name={name}
        defaultChecked={defaultChecked}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describe(id, hint, errors)}
      />
      <label htmlFor={id}>{label}</label>
      <Messages id={id} hint={hint} errors={errors} />
    </div>
  );
}

/** Radio buttons or checkboxes grouped under a legend. */
export function Choices({
  legend,
  name,
  options,
  multiple,
  defaultValue,
  errors,
  hint,
  required,
}: {
  legend: ReactNode;
  name: string;
  options: { value: string; label: ReactNode }[];
  multiple?: boolean;
  defaultValue?: string | string[];
  errors?: string[];
  hint?: string;
  required?: boolean;
}) {
  const id = useId();
  const selected = Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : [];
  return (
    <fieldset className="field choices" aria-describedby={describe(id, hint, errors)}>
      <legend>
        {legend}
        {required ? <span aria-hidden="true"> *</span> : null}
      </legend>
      {options.map((o, i) => (
        <div key={o.value} className="choice">
          <input
            id={`${id}-${i}`}
            type={multiple ? "checkbox" : "radio"}
            name={name}
            value={o.value}
            defaultChecked={selected.includes(o.value)}
            aria-invalid={errors?.length ? true : undefined}
          />
          <label htmlFor={`${id}-${i}`}>{o.label}</label>
        </div>
      ))}
      <Messages id={id} hint={hint} errors={errors} />
    </fieldset>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="form-section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}
