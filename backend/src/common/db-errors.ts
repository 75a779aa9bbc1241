/** True when a write failed on a unique key, on SQLite or MySQL alike. */
export function isUniqueViolation(err: any): boolean {
  const code = err?.code ?? err?.driverError?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
