/**
 * Names listed in a report's text (organisers, partners, languages, cities), joined the way its
 * language joins an enumeration: "A, B, C", "A, B et C", "A، وB، وC", never a Latin comma in Arabic.
 */
export const listOf = (items: readonly string[], locale: string) =>
  new Intl.ListFormat(locale, { type: "unit", style: "short" }).format(items);

/** Sets a left-to-right name (a timezone such as Europe/Brussels) apart inside right-to-left text. */
export const isolateIn = (locale: string, text: string) => (locale === "ar" ? `\u2068${text}\u2069` : text);
