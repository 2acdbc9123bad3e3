import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Icon } from "./Icon";
import type { SuggestedGroup } from "./suggestion-preview";

/** A suggested group, drawn on the board around the notes it would hold: name it, accept or dismiss it. */
export function SuggestedGroupCard({
  group,
  onRename,
  onAccept,
  onDismiss,
  children,
}: {
  group: SuggestedGroup;
  onRename: (label: string) => void;
  onAccept: () => void;
  onDismiss: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = `sg-${group.key}`;
  return (
    <section className="cluster suggested" data-testid="suggestion" aria-labelledby={`${id}-title`}>
      <p className="suggested-title" id={`${id}-title`}>
        <Icon name="sparkle" size={16} /> {t("room.suggest.proposed", { count: group.noteIds.length })}
      </p>
      <form
        className="inline-form suggested-head"
        onSubmit={(e) => {
          e.preventDefault();
          onAccept();
        }}
      >
        <label className="visually-hidden" htmlFor={id}>
          {t("board.suggest.label")}
        </label>
        <input id={id} value={group.label} maxLength={120} onChange={(e) => onRename(e.target.value)} dir="auto" />
        <button type="submit" className="small">
          {t("board.suggest.accept")}
        </button>
        <button type="button" className="small secondary" onClick={onDismiss}>
          {t("board.suggest.dismiss")}
        </button>
      </form>
      {children}
    </section>
  );
}
