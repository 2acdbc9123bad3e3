import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_NOTE } from "../../../server/core/boards/constants";
import { categoryName } from "~/i18n";

/**
 * Where a note is written: Ctrl+Enter (⌘+Enter) posts, and the count says how much room is left,
 * so nobody is cut off by a limit they could not see.
 */
export function Composer({ category, onAdd }: { category: string; onAdd: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState("");
  const id = `new-${category}`;
  const left = MAX_NOTE - text.length;
  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        onAdd(text.trim());
        setText("");
      }}
    >
      <label htmlFor={id}>{t("board.newNote", { category: categoryName(i18n.language, category) })}</label>
      <textarea
        id={id}
        value={text}
        maxLength={MAX_NOTE}
        rows={2}
        dir="auto"
        aria-describedby={`${id}-count`}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
      />
      <div className="composer-foot">
        <span id={`${id}-count`} className={`count ${left < 50 ? "near-limit" : ""}`} data-testid="composer-count">
          {t("room.composer.count", { count: text.length, max: MAX_NOTE })}
          <span className="visually-hidden"> {t("room.composer.shortcut")}</span>
        </span>
        <button type="submit" className="small">
          {t("board.add")}
        </button>
      </div>
    </form>
  );
}
