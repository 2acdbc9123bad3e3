import { parse } from "csv-parse/sync";
import { validationError } from "./errors";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./invitations/limits";
import type { z } from "zod";
import { type Message, msg } from "./i18n/message";
import { issueMessage } from "./i18n/zod-messages";

/**
 * A spreadsheet's rows as objects keyed by their (normalised) headings, with the
 * checks every import shares: size, valid CSV (a BOM from Excel is fine), at least
 * one row, the required columns, a row limit. Each failure is a field error on
 * `file`, said in words a person can act on.
 */
/** One problem of a file's row, named by its column (the columns are the file's own words, not translated). */
export const rowProblem = (issue: z.core.$ZodIssue): Message =>
  msg("common.fieldProblem", { field: issue.path.join(".") || "row", problem: issueMessage(issue) });

export function readCsvRows(
  csv: string,
  opts: { heading: (h: string) => string; required: string[]; missing: (columns: string[]) => Message },
): Record<string, string>[] {
  const fileError = (message: Message) => validationError(message, { file: [message] });
  if (Buffer.byteLength(csv) > MAX_IMPORT_BYTES) throw fileError(msg("csv.tooLarge"));
  let records: Record<string, string>[];
  try {
    records = parse(csv.replace(/^\uFEFF/, ""), {
      columns: (h: string[]) => h.map(opts.heading),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (e) {
    throw fileError(msg("csv.notCsv", { detail: (e as Error).message.split("\n")[0] ?? "" }));
  }
  if (records.length === 0) throw fileError(msg("csv.empty"));
  const columns = Object.keys(records[0]!);
  const missing = opts.required.filter((c) => !columns.includes(c));
  if (missing.length) throw fileError(opts.missing(missing));
  if (records.length > MAX_IMPORT_ROWS) throw fileError(msg("csv.tooManyRows", { max: MAX_IMPORT_ROWS }));
  return records;
}
