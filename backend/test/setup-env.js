// Runs before each test file: an isolated database per file, quiet logs outside the repo.
const os = require('os');
const path = require('path');
process.env.NODE_ENV = 'unittest';
process.env.MIDWAY_SERVER_ENV = 'unittest';
process.env.LOG_DIR = process.env.LOG_DIR || path.join(os.tmpdir(), 'escort-test-logs');
process.env.SEED_DEMO = 'true';
// Uploads land in a fresh folder per test file, never in the repository's data folder.
process.env.DATA_DIR = require('fs').mkdtempSync(path.join(os.tmpdir(), 'escort-test-data-'));
if (process.env.TEST_DB !== 'mysql') {
  process.env.DB_TYPE = 'sqlite';
  process.env.DB_SQLITE_FILE = ':memory:';
  delete process.env.DATABASE_URL;
}
