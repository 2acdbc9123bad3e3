/**
 * Languages by their own names (autonyms): the same on server and browser
 * (Intl.DisplayNames differs between Node's and Chromium's ICU data, which
 * would break hydration), and readable by the people who speak them.
 */
export const AUTONYMS: Record<string, string> = {
  en: "English",
  fr: "Français",
  es: "Español",
  ar: "العربية",
  pt: "Português",
  de: "Deutsch",
  it: "Italiano",
  ru: "Русский",
  zh: "中文",
  tr: "Türkçe",
  sw: "Kiswahili",
  fa: "فارسی",
  uk: "Українська",
  ur: "اردو",
  hi: "हिन्दी",
  bn: "বাংলা",
};
export const EVENT_LANGUAGES = ["en", "fr", "es", "ar", "pt", "de", "it", "ru", "zh", "tr", "sw"];
export const languageName = (code: string) => AUTONYMS[code] ?? code;
