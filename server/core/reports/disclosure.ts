// What a published report may say about who took part without making anyone identifiable:
// small cells are merged or shown as "fewer than N", and a stakeholder group is named as the
// source of a contribution only when it is large enough that naming it names nobody.

/** A stakeholder group is named in findings and quotes only with at least this many participants… */
export const MIN_GROUP_PEOPLE = 3;
/** …from at least this many organisations: one organisation's group would reveal the affiliation. */
export const MIN_GROUP_ORGANISATIONS = 2;
/** Self-described gender is sensitive: categories smaller than this are merged. */
export const MIN_GENDER_CELL = 5;
/** Countries with fewer participants than this are counted together. */
export const MIN_COUNTRY_CELL = 3;

export type GenderKey = "women" | "men" | "other";

const WOMEN = new Set([
  "woman",
  "women",
  "female",
  "f",
  "girl",
  "femme",
  "féminin",
  "feminin",
  "mujer",
  "femenino",
  "mulher",
  "feminino",
  "امرأة",
  "امراة",
  "أنثى",
  "انثى",
  "سيدة",
]);
const MEN = new Set(["man", "men", "male", "m", "homme", "masculin", "hombre", "masculino", "homem", "رجل", "ذكر"]);

/** Self-described gender, folded into women, men or another description; null when nothing was said. */
export function genderOf(raw: string | null | undefined): GenderKey | null {
  const v = (raw ?? "").trim().toLowerCase().normalize("NFC");
  if (!v) return null;
  if (WOMEN.has(v)) return "women";
  if (MEN.has(v)) return "men";
  return "other";
}

export type GenderFigures = {
  /** Participants who stated a gender, in categories large enough to publish. */
  rows: { key: GenderKey; count: number }[];
  /** Everyone else: smaller categories and those who said nothing, together. */
  rest: number;
  /** True when `rest` is itself small, so it is published as "fewer than MIN_GENDER_CELL". */
  restSuppressed: boolean;
};

/** Gender figures with every category under MIN_GENDER_CELL merged into the rest; null when no one stated a gender. */
export function genderFigures(values: (string | null)[]): GenderFigures | null {
  const keys = values.map(genderOf);
  if (keys.every((k) => k === null)) return null;
  const counts = new Map<GenderKey, number>();
  let rest = 0;
  for (const k of keys) {
    if (k === null) rest++;
    else counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const rows: GenderFigures["rows"] = [];
  for (const key of ["women", "men", "other"] as const) {
    const n = counts.get(key) ?? 0;
    if (n >= MIN_GENDER_CELL) rows.push({ key, count: n });
    else rest += n;
  }
  return { rows, rest, restSuppressed: rest > 0 && rest < MIN_GENDER_CELL };
}

/** Rows under `min` are summed into one "other" row (null when there is none), so a single person's country is not shown. */
export function mergeSmall<T extends { count: number }>(
  rows: T[],
  min: number,
): { rows: T[]; other: number; merged: number } {
  const keep = rows.filter((r) => r.count >= min);
  const small = rows.filter((r) => r.count < min);
  return { rows: keep, other: small.reduce((s, r) => s + r.count, 0), merged: small.length };
}

/** Whether a stakeholder group may be named as the source of what was said. */
export const nameableGroup = (g: { people: number; organisations: number }) =>
  g.people >= MIN_GROUP_PEOPLE && g.organisations >= MIN_GROUP_ORGANISATIONS;

/** Names that stand for a person, not an organisation ("Independent", as the registration form suggests). */
export const isIndependent = (organisation: string) =>
  /^\s*(independent|indépendante?|independiente|independente|مستقل)/i.test(organisation);

/** One spelling per organisation: names are compared without case, accents or extra spaces. */
export const organisationKey = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
