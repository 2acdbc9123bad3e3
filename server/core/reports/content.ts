import type { ReportFigures, SectionKey } from "./sections";

/** A report as it is frozen in a published version (and as drafts are exported). */
export type ReportContent = {
  title: string;
  locale: string;
  eventSlug: string;
  timezone: string;
  /** Version number and date once published; null for a draft. */
  version: number | null;
  publishedAt: string | null;
  changeNote: string;
  sections: { key: SectionKey; title: string; markdown: string }[];
  figures: ReportFigures;
  actionItems: {
    title: string;
    owner: string;
    dueDate: string | null;
    status: string;
    from: string | null;
    progress: string;
  }[];
};
