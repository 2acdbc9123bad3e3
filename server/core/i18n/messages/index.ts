import type { Locale } from "../locales";
import { ar } from "./ar";
import { type Catalogue, en } from "./en";
import { es } from "./es";
import { fr } from "./fr";

/** The core's messages in every language Plenary speaks (i18next's `errors` namespace in the interface). */
export const CATALOGUES: Record<Locale, Catalogue> = { en, fr, es, ar };
