/** True when a write failed on a unique key, on SQLite or MySQL alike. */
export function isUniqueViolation(err: any): boolean {
  const code = err?.code ?? err?.driverError?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** True when MySQL/MariaDB chose this transaction as a deadlock victim or gave up waiting for a lock; retrying is safe. */
export function isRetryableTxError(err: any): boolean {
  const code = err?.code ?? err?.driverError?.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
}
