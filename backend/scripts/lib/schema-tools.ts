/**
 * Schema tooling shared by the migration generator, the MySQL schema dump and the tests.
 * All of it works on a throw-away database so nothing touches a real one.
 */
import { DataSource } from 'typeorm';
import { createConnection } from 'mysql2/promise';
import { AppSettings, loadSettings } from '../../src/config/settings';
import { buildDataSourceOptions, detectMysqlFlavor } from '../../src/config/datasource';

export type Dialect = 'sqlite' | 'mysql';

export function mysqlSettings(env = process.env): Extract<AppSettings['db'], { type: 'mysql' }> {
  const s = loadSettings({ ...env, DB_TYPE: env.DB_TYPE === 'mariadb' ? 'mariadb' : 'mysql' });
  if (s.db.type !== 'mysql') throw new Error('DATABASE_URL points at SQLite; MySQL settings are needed here');
  return s.db;
}

/** Creates an empty MySQL database for one run and returns its name and a dropper. */
export async function createScratchMysqlDatabase(prefix: string): Promise<{ name: string; drop: () => Promise<void> }> {
  const db = mysqlSettings();
  const name = `${prefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const conn = await createConnection({ host: db.host, port: db.port, user: db.username, password: db.password });
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  return {
    name,
    drop: async () => {
      const c = await createConnection({ host: db.host, port: db.port, user: db.username, password: db.password });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

/** A migrated data source on a scratch database of the given dialect. */
export async function openScratch(dialect: Dialect, prefix = 'escort_scratch'): Promise<{ ds: DataSource; close: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const settings = loadSettings({ ...process.env, DATABASE_URL: '', DB_TYPE: 'sqlite', DB_SQLITE_FILE: ':memory:' });
    const ds = new DataSource(buildDataSourceOptions(settings, { migrationsRun: false }));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    return { ds, close: () => ds.destroy() };
  }
  const scratch = await createScratchMysqlDatabase(prefix);
  const flavor = await detectMysqlFlavor(mysqlSettings());
  const settings = loadSettings({ ...process.env, DATABASE_URL: '', DB_TYPE: flavor, DB_NAME: scratch.name });
  const ds = new DataSource(buildDataSourceOptions(settings, { migrationsRun: false }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return {
    ds,
    close: async () => {
      await ds.destroy();
      await scratch.drop();
    },
  };
}

/** What the entities want that the migrated schema lacks: empty when they agree. */
export async function pendingSchemaChanges(ds: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await ds.driver.createSchemaBuilder().log();
  return { up: log.upQueries.map(q => q.query), down: log.downQueries.map(q => q.query) };
}

/** `SHOW CREATE TABLE` for every table, normalised so the dump is stable between runs. */
export async function dumpMysqlSchema(ds: DataSource): Promise<string> {
  const tables: { name: string }[] = await ds.query(
    'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME'
  );
  const parts = ['-- MySQL schema as the migrations produce it. Regenerate: npm run schema:mysql -w backend', ''];
  for (const { name } of tables) {
    const [row] = await ds.query(`SHOW CREATE TABLE \`${name}\``);
    const ddl = (row['Create Table'] as string).replace(/ AUTO_INCREMENT=\d+/, '');
    parts.push(`${ddl};`, '');
  }
  return parts.join('\n');
}
