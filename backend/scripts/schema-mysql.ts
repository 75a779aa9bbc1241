/**
 * npm run schema:mysql -w backend — regenerates sql/schema.mysql.sql from the migrations,
 * on a scratch MySQL database. `--check` exits 1 when the checked-in file is stale.
 */
import * as fs from 'fs';
import * as path from 'path';
import { dumpMysqlSchema, openScratch } from './lib/schema-tools';

export const SCHEMA_FILE = path.join(__dirname, '../../sql/schema.mysql.sql');

async function main() {
  const { ds, close } = await openScratch('mysql', 'escort_schema');
  try {
    const dump = await dumpMysqlSchema(ds);
    if (process.argv.includes('--check')) {
      const current = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
      if (current !== dump) {
        console.error('sql/schema.mysql.sql is stale: run npm run schema:mysql -w backend');
        process.exitCode = 1;
      }
      return;
    }
    fs.writeFileSync(SCHEMA_FILE, dump);
    console.log(`wrote ${SCHEMA_FILE}`);
  } finally {
    await close();
  }
}

if (require.main === module) {
  main().catch(err => {
    console.error(err);
    process.exit(1);
  });
}
