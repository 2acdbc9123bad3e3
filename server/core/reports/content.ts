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
  sections: {
    key: string;
    title: string;
    markdown: string;
    /** Paragraphs still as a writer drafted them: shown as machine-written (absent in versions published before). */
    machine?: { text: string; writer: string }[];
  }[];
  figures: { categories: { label: string; count: number }[] };
  actionItems: {
    title: string;
    owner: string;
    dueDate: string | null;
    status: string;
    from: string | null;
    progress: string;
  }[];
};
