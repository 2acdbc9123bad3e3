/**
 * Lists of ids go to the database in slices: SQLite refuses statements with
 * more bound parameters than it was built for (999 in many builds), and
 * PostgreSQL's protocol stops at 65,535. A query whose parameter count grows
 * with the data (every note of a full board, every author of a report) must
 * go through here, so a board that fills up never turns into errors.
 */
export const ID_SLICE = 400;

export async function inSlices<T, R>(items: readonly T[], query: (slice: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += ID_SLICE) out.push(...(await query(items.slice(i, i + ID_SLICE))));
  return out;
}
