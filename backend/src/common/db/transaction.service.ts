import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isRetryableTxError } from '../db-errors';

const MAX_ATTEMPTS = 8;

/**
 * The one way to run a transaction.
 *
 * SQLite (better-sqlite3) has a single connection and TypeORM hands every transaction the same
 * query runner: two overlapping `dataSource.transaction()` calls would nest as savepoints and mix
 * each other's statements. So on SQLite transactions queue behind one another in this process (the
 * embedded database serves exactly one process). On MySQL/MariaDB each transaction gets its own
 * pooled connection, and a deadlock victim is retried from the start: InnoDB can pick one when
 * many requests insert the same unique keys at once, and the retry then sees the winner's rows.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class TransactionService {
  @InjectDataSource()
  dataSource: DataSource;

  private sqliteQueue: Promise<unknown> = Promise.resolve();

  get isMysql(): boolean {
    const type = this.dataSource.options.type;
    return type === 'mysql' || type === 'mariadb';
  }

  /**
   * `isolation` (MySQL only): READ COMMITTED lets a big `INSERT … SELECT` read its source as a
   * consistent snapshot without share-locking it (settlement runs read the ledger while orders keep
   * completing); the default stays REPEATABLE READ.
   */
  async run<T>(work: (manager: EntityManager) => Promise<T>, isolation?: 'READ COMMITTED'): Promise<T> {
    if (!this.isMysql) {
      const result = this.sqliteQueue.then(() => this.dataSource.transaction(work));
      // The queue must move on whether this transaction committed or failed.
      this.sqliteQueue = result.catch(() => undefined);
      return result;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await (isolation ? this.dataSource.transaction(isolation, work) : this.dataSource.transaction(work));
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS || !isRetryableTxError(err)) throw err;
        await new Promise(resolve => setTimeout(resolve, Math.floor(Math.random() * 20 * attempt)));
      }
    }
  }

  /** Row lock for update on MySQL; SQLite transactions are already serialised by `run`. */
  get lockMode(): { mode: 'pessimistic_write' } | Record<string, never> {
    return this.isMysql ? { mode: 'pessimistic_write' } : {};
  }
}
