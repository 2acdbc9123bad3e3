import { LOCALES } from "../i18n/locales";
import { ar } from "./locales/ar";
import { type ReportTexts, en } from "./locales/en";
import { es } from "./locales/es";
import { fr } from "./locales/fr";

export type { ReportTexts };

const catalogue: Record<string, ReportTexts> = { en, fr, es, ar };

export const REPORT_LOCALES = LOCALES;
export const reportTexts = (locale: string): ReportTexts => catalogue[locale] ?? en;
export const registerReportTexts = (locale: string, texts: ReportTexts) => void (catalogue[locale] = texts);

/**
 * A stakeholder group as a report in `locale` names it: the groups every event starts with are
 * translated while the organisers kept their default name; their own names stay as written.
 */
export function stakeholderGroupName(locale: string, key: string, label: string): string {
  const english = en.groups[key];
  if (english && english === label) return reportTexts(locale).groups[key] ?? label;
  return label;
}
