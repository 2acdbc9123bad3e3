import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { UserText } from "~/components/UserText";
import { formatDueDate } from "~/utils/dates";

/** "Version 2 · 28 Nov 2026 · <change note>": a published version, its day in the reader's language. */
export function VersionLine({
  slug,
  version,
}: {
  slug: string;
  version: { number: number; day: { iso: string }; changeNote: string };
}) {
  const { t, i18n } = useTranslation();
  return (
    <li>
      <Link to={`/events/${slug}/report?version=${version.number}`}>{t("report.versionN", { n: version.number })}</Link>{" "}
      · <time dateTime={version.day.iso}>{formatDueDate(version.day.iso, i18n.language)}</time>
      {version.changeNote ? (
        <>
          {" · "}
          <UserText text={version.changeNote} />
        </>
      ) : null}
    </li>
  );
}
