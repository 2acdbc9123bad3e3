import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useIsolatedT } from "~/i18n/isolate";
import { formatDueDate } from "~/utils/dates";

type Changes = Record<string, [unknown, unknown]>;

/**
 * One change to an action item as sentences ("Status changed from agreed to done"), with
 * statuses and dates in the reader's language, instead of the stored field names and values.
 */
export function ActionHistory({ by, changes, note }: { by: string; changes: Changes; note: string }) {
  const { t, i18n } = useTranslation();
  const ti = useIsolatedT();
  const value = (field: string, v: unknown): ReactNode => {
    if (v === null || v === undefined || v === "") return <>{t("history.none")}</>;
    if (field === "status") return <>{t(`actions.status.${String(v)}`, { defaultValue: String(v) })}</>;
    if (field === "dueDate") return <>{formatDueDate(String(v), i18n.language)}</>;
    return String(v);
  };
  const sentence = (field: string, [from, to]: [unknown, unknown]): ReactNode => {
    switch (field) {
      case "created":
        return ti("history.created", { title: String(to ?? "") });
      case "reviewed":
        return t("history.reviewed");
      case "description":
      case "ownerEmail":
        // Long text and an address never shown to readers: that it changed is enough.
        return t(`history.changed.${field}`);
      case "title":
      case "owner":
      case "dueDate":
      case "status":
        return ti(`history.from.${field}`, { from: value(field, from), to: value(field, to) });
      default:
        return ti("history.other", { field });
    }
  };
  return (
    <>
      {by ? (
        <>
          <bdi>{by}</bdi>
          {": "}
        </>
      ) : null}
      {Object.entries(changes).map(([field, change], i) => (
        <span key={field}>
          {i ? " " : null}
          {sentence(field, change)}
        </span>
      ))}
      {note ? <> {ti("history.note", { note })}</> : null}
    </>
  );
}
