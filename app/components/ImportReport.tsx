import { useTranslation } from "react-i18next";

/** What a spreadsheet import did: a summary, then every bad or skipped row by its line number. */
export function ImportReport({
  summary,
  errors,
  skipped,
  testId,
}: {
  summary: string;
  errors: { line: number; messages: string[] }[];
  skipped: { line: number; email: string; reason: string }[];
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div role="status" className="notice" data-testid={testId}>
      <p>{summary}</p>
      <ul>
        {errors.map((e) => (
          <li key={e.line}>{t("manage.team.line", { line: e.line, messages: e.messages.join(" ") })}</li>
        ))}
        {skipped.map((s) => (
          <li key={s.line}>{t("manage.team.skipped", s)}</li>
        ))}
      </ul>
    </div>
  );
}
