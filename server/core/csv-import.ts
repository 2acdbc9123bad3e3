import { parse } from "csv-parse/sync";
import { validationError } from "./errors";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./invitations/limits";

/**
 * A spreadsheet's rows as objects keyed by their (normalised) headings, with the
 * checks every import shares: size, valid CSV (a BOM from Excel is fine), at least
 * one row, the required columns, a row limit. Each failure is a field error on
 * `file`, said in words a person can act on.
 */
export function readCsvRows(
  csv: string,
  opts: { heading: (h: string) => string; required: string[]; missing: (columns: string[]) => string },
): Record<string, string>[] {
  const fileError = (message: string) => validationError(message, { file: [message] });
  if (Buffer.byteLength(csv) > MAX_IMPORT_BYTES)
    throw fileError("The file is larger than 1 MB. Split it into smaller files.");
  let records: Record<string, string>[];
  try {
    records = parse(csv.replace(/^\uFEFF/, ""), {
      columns: (h: string[]) => h.map(opts.heading),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (e) {
    throw fileError(`This file is not valid CSV (${(e as Error).message.split("\n")[0]}).`);
  }
  if (records.length === 0) throw fileError("The file has no rows under its header.");
  const columns = Object.keys(records[0]!);
  const missing = opts.required.filter((c) => !columns.includes(c));
  if (missing.length) throw fileError(opts.missing(missing));
  if (records.length > MAX_IMPORT_ROWS) throw fileError(`At most ${MAX_IMPORT_ROWS} rows per file.`);
  return records;
}
