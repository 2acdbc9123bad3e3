import { stringify } from "csv-stringify/sync";

/**
 * Spreadsheet apps run cells that start with = + - @ (or tab/CR) as formulas;
 * a leading apostrophe keeps them as text (OWASP's CSV injection advice).
 */
export function neutraliseCell(value: unknown): string {
  const s = value == null ? "" : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** CSV with a header row, every cell neutralised, and a BOM so Excel reads UTF-8 names correctly. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return "\uFEFF" + stringify([header, ...rows.map((r) => r.map(neutraliseCell))], { record_delimiter: "\r\n" });
}
