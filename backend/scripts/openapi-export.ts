/**
 * npm run openapi:export -w backend — boots the app on an in-memory database and writes the
 * OpenAPI document to backend/openapi.json, from which the console's client is generated.
 * `--check` exits 1 when the checked-in file is stale.
 */
import * as fs from 'fs';
import * as path from 'path';

process.env.DB_TYPE = 'sqlite';
process.env.DB_SQLITE_FILE = ':memory:';
process.env.SEED_DEMO = 'false';
delete process.env.DATABASE_URL;

export const OPENAPI_FILE = path.join(__dirname, '../openapi.json');

async function main() {
  const { createApp, close, createHttpRequest } = await import('@midwayjs/mock');
  const app = await createApp(path.join(__dirname, '..'));
  try {
    const res = await createHttpRequest(app).get('/api/docs/index.json');
    if (res.status !== 200) throw new Error(`openapi document: HTTP ${res.status}`);
    const json = JSON.stringify(res.body, null, 2) + '\n';
    if (process.argv.includes('--check')) {
      const current = fs.existsSync(OPENAPI_FILE) ? fs.readFileSync(OPENAPI_FILE, 'utf8') : '';
      if (current !== json) {
        console.error('backend/openapi.json is stale: run npm run openapi:export -w backend');
        process.exitCode = 1;
      }
      return;
    }
    fs.writeFileSync(OPENAPI_FILE, json);
    console.log(`wrote ${OPENAPI_FILE} (${Object.keys(res.body.paths ?? {}).length} paths)`);
  } finally {
    await close(app);
  }
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
