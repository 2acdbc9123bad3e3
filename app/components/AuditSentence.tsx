import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useIsolatedT } from "~/i18n/isolate";
import { formatNumber } from "~/utils/format";
import { AUDIT_SENTENCES, type Details, type Helpers } from "~/utils/audit-sentences";

/** Details whose values are people's own words or names, set apart from the sentence around them. */
const OWN_WORDS = new Set(["message", "question", "person", "round", "title", "notice", "email"]);

/** One audited action as a sentence in the reader's language. */
export function AuditSentence({ action, details }: { action: string; details: Details }): ReactNode {
  const { t, i18n } = useTranslation();
  const ti = useIsolatedT();
  const h: Helpers = {
    person: (v) => (typeof v === "string" && v ? v : t("auditLog.someoneGone")),
    round: (v) => (typeof v === "string" && v ? v : t("auditLog.roundGone")),
    role: (v) => (typeof v === "string" ? t(`auditLog.roles.${v}`, { defaultValue: v }) : ""),
    status: (v) => (typeof v === "string" ? t(`events.registration.${v}`, { defaultValue: v }) : ""),
    writer: (v) => t(`reportWriting.writers.${String(v)}`, { defaultValue: String(v ?? "") }),
    text: (v) => (v === null || v === undefined ? "" : String(v)),
    number: (v) => formatNumber(Number(v ?? 0), i18n.language),
  };
  const said = AUDIT_SENTENCES[action]?.(details, h) ?? { key: "unknown", values: { action } };
  const values = Object.fromEntries(
    Object.entries(said.values ?? {}).map(([k, v]) => [k, OWN_WORDS.has(k) ? v : <>{v}</>]),
  );
  return ti(`auditLog.sentence.${said.key}`, values);
}
