import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * A card's one menu: a button that opens a small panel of actions (a disclosure, so keyboard and
 * screen-reader users reach it like any button). Escape or a click elsewhere closes it and
 * gives focus back to the button.
 */
export function NoteMenu({
  label,
  children,
  buttonClassName,
  icon,
}: {
  label: string;
  icon: ReactNode;
  buttonClassName?: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);
  return (
    <div
      className="menu"
      onKeyDown={(e) => {
        // Escape closes the menu from its button or from anywhere inside it.
        if (e.key === "Escape" && open) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className={`icon-button ${buttonClassName ?? ""}`}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={label}
        onClick={() => setOpen((v) => !v)}
      >
        {icon}
      </button>
      {open ? (
        <div id={id} ref={panel} className="menu-panel" role="group" aria-label={label}>
          {children(close)}
        </div>
      ) : null}
    </div>
  );
}

/** One action in a menu panel: an icon and its words. */
export function MenuItem({
  icon,
  children,
  onClick,
  danger,
  pressed,
}: {
  icon: ReactNode;
  children: ReactNode;
  onClick: () => void;
  danger?: boolean;
  pressed?: boolean;
}) {
  return (
    <button
      type="button"
      className={`menu-item ${danger ? "danger-text" : ""}`}
      onClick={onClick}
      aria-pressed={pressed}
    >
      {icon}
      <span>{children}</span>
    </button>
  );
}

/** A choice that acts only when confirmed: the select alone never sends anything (issue 23, defect 7). */
export function ConfirmedChoice({
  id,
  label,
  value,
  options,
  confirmLabel,
  onConfirm,
}: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  confirmLabel: string;
  onConfirm: (value: string) => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(value);
  useEffect(() => setChosen(value), [value]);
  return (
    <form
      className="confirmed-choice"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen !== value) onConfirm(chosen);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <div className="row">
        <select id={id} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <button type="submit" className="small" disabled={chosen === value} aria-label={`${confirmLabel}: ${label}`}>
          {confirmLabel}
        </button>
      </div>
      {chosen !== value ? <p className="hint">{t("room.confirmHint")}</p> : null}
    </form>
  );
}
