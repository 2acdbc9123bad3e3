// The four categories a board starts with, and their names in each language. Shared by the
// board page and the report (browser-safe, no imports), so both call a category the same.
export const BOARD_CATEGORIES = ["challenges", "barriers", "opportunities", "actions"] as const;
type BoardCategory = (typeof BOARD_CATEGORIES)[number];

const NAMES: Record<string, Record<BoardCategory, string>> = {
  en: { challenges: "Challenges", barriers: "Barriers", opportunities: "Opportunities", actions: "Actions" },
  fr: { challenges: "Défis", barriers: "Obstacles", opportunities: "Opportunités", actions: "Actions" },
  es: { challenges: "Desafíos", barriers: "Barreras", opportunities: "Oportunidades", actions: "Acciones" },
  ar: { challenges: "التحديات", barriers: "العوائق", opportunities: "الفرص", actions: "الإجراءات" },
};

/** A default category's name in `locale` (English when the language is unknown); undefined for an organiser's own category. */
export const defaultCategoryName = (locale: string, key: string): string | undefined =>
  (NAMES[locale] ?? NAMES.en!)[key as BoardCategory];
