import { useTranslation } from "react-i18next";
import { type Said, translateMessage } from "~/i18n";

/** What a spreadsheet import did: a summary, then every bad or skipped row by its line number. */
export function ImportReport({
  summary,
  errors,
  skipped,
  testId,
}: {
  summary: string;
  errors: { line: number; messages: readonly Said[] }[];
  skipped: { line: number; email: string; reason: Said }[];
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div role="status" className="notice" data-testid={testId}>
      <p>{summary}</p>
      <ul>
        {errors.map((e) => (
          <li key={e.line}>
            {t("manage.team.line", {
              line: e.line,
              messages: e.messages.map((m) => translateMessage(i18n, m)).join(" "),
            })}
          </li>
        ))}
        {skipped.map((s) => (
          <li key={s.line}>
            {t("manage.team.skipped", { line: s.line, email: s.email, reason: translateMessage(i18n, s.reason) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
