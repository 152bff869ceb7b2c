/**
 * Prisma error codes we react to. Checked by code, not by class: the SQLite and PostgreSQL clients
 * each have their own error classes.
 */
export function isUniqueConstraintError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** An update or delete whose `where` matched no row. */
export function isRecordNotFoundError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}
