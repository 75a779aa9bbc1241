/** The configured database (same settings as the server: DATABASE_URL, DB_TYPE, DB_HOST …), migrated. */
import { DataSource } from 'typeorm';
import { loadSettings } from '../../src/config/settings';
import { buildDataSourceOptions } from '../../src/config/datasource';

export async function openConfiguredDb(): Promise<{ ds: DataSource; dialect: 'mysql' | 'sqlite'; describe: string }> {
  const settings = loadSettings(process.env);
  const ds = new DataSource(buildDataSourceOptions(settings, { migrationsRun: true }));
  await ds.initialize();
  const dialect = settings.db.type === 'sqlite' ? 'sqlite' : 'mysql';
  const describe = settings.db.type === 'sqlite' ? `SQLite ${settings.db.database}` : `${settings.db.flavor} ${settings.db.host}:${settings.db.port}/${settings.db.database}`;
  return { ds, dialect, describe };
}
