/**
 * Whether a failed query broke a unique index: from the ORM (P2002), or from raw SQL (P2010,
 * carrying the driver adapter's kind of error), on SQLite and PostgreSQL alike. Callers use it
 * to turn a lost race (the same operation id, email or seat arriving twice at once) into the
 * answer the winner got, instead of a server error.
 */
export function isUniqueViolation(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const err = e as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  return (
    err.code === "P2002" ||
    (err.code === "P2010" && err.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation")
  );
}
