import * as fs from 'fs';
import * as path from 'path';
import type { DataSourceOptions } from 'typeorm';
import { AppSettings } from './settings';
import { MIGRATIONS } from '../migrations';
import { ENTITIES } from './entities';


/**
 * The one place that turns settings into TypeORM options; the app, the migration generator,
 * the schema dump and the tests all use it, so they cannot drift apart.
 * `synchronize` is off everywhere: migrations are the only way the schema changes.
 */
export function buildDataSourceOptions(s: AppSettings, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  const common = {
    synchronize: false,
    migrationsRun: true,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each' as const,
    entities: ENTITIES,
    // TypeORM's own error log prints every failed query with its parameters, which for a
    // duplicate staff username means the password hash; unexpected failures reach ErrorFilter,
    // which logs them without parameters, and expected ones (unique keys) are handled.
    logging: false,
  };
  if (s.db.type === 'sqlite') {
    if (s.db.database !== ':memory:') fs.mkdirSync(path.dirname(s.db.database), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: s.db.database,
      enableWAL: true,
      // Waiting writers queue instead of failing with SQLITE_BUSY when two processes share a file.
      prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
      ...overrides,
    } as DataSourceOptions;
  }
  return {
    ...common,
    type: s.db.flavor,
    host: s.db.host,
    port: s.db.port,
    username: s.db.username,
    password: s.db.password,
    database: s.db.database,
    charset: 'utf8mb4_unicode_ci',
    // Store and read every datetime as UTC; the UI converts to Asia/Shanghai.
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: false,
    extra: { connectionLimit: 20 },
    ...overrides,
  } as DataSourceOptions;
}

/**
 * MySQL and MariaDB speak one protocol but describe columns differently (MariaDB reports a
 * nullable column's default as the text 'NULL'); TypeORM reads the schema right only when told
 * which one it talks to. Asking the server keeps `DB_TYPE=mysql` correct for both.
 */
export async function detectMysqlFlavor(db: { host: string; port: number; username: string; password: string }): Promise<'mysql' | 'mariadb'> {
  const { createConnection } = await import('mysql2/promise');
  const conn = await createConnection({ host: db.host, port: db.port, user: db.username, password: db.password });
  try {
    const [rows] = await conn.query('SELECT VERSION() AS v');
    return /mariadb/i.test(String((rows as { v: string }[])[0].v)) ? 'mariadb' : 'mysql';
  } finally {
    await conn.end();
  }
}
