import * as fs from 'fs';
import { dumpMysqlSchema, openScratch, pendingSchemaChanges } from '../../scripts/lib/schema-tools';
import { SCHEMA_FILE } from '../../scripts/schema-mysql';

const dialect = process.env.TEST_DB === 'mysql' ? 'mysql' : 'sqlite';

describe(`the schema on ${dialect}`, () => {
  it('is exactly what the entities describe once every migration has run', async () => {
    const { ds, close } = await openScratch(dialect, 'escort_schema_test');
    try {
      expect(await pendingSchemaChanges(ds)).toEqual({ up: [], down: [] });
    } finally {
      await close();
    }
  });

  it('can be migrated down to nothing and up again', async () => {
    const { ds, close } = await openScratch(dialect, 'escort_schema_test');
    try {
      const count = ds.migrations.length;
      for (let i = 0; i < count; i++) await ds.undoLastMigration({ transaction: 'each' });
      const left = ds.entityMetadatas.map(m => m.tableName);
      const runner = ds.createQueryRunner();
      for (const table of left) expect(await runner.hasTable(table)).toBe(false);
      await runner.release();
      await ds.runMigrations({ transaction: 'each' });
      expect(await pendingSchemaChanges(ds)).toEqual({ up: [], down: [] });
    } finally {
      await close();
    }
  });

  (dialect === 'mysql' ? it : it.skip)('matches the checked-in sql/schema.mysql.sql (npm run schema:mysql -w backend)', async () => {
    const { ds, close } = await openScratch('mysql', 'escort_schema_test');
    try {
      expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(await dumpMysqlSchema(ds));
    } finally {
      await close();
    }
  });
});
