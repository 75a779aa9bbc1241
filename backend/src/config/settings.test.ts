import { assertProductionSafe, loadSettings, productionProblems } from './settings';

const strongKey = Buffer.alloc(32, 7).toString('base64');
const productionEnv = {
  NODE_ENV: 'production',
  JWT_SECRET: 'x'.repeat(48),
  DATA_KEYS: `k2026:${strongKey}`,
  BLIND_INDEX_KEY: Buffer.alloc(32, 9).toString('base64'),
  SMS_PROVIDER: 'real-provider',
  WECHAT_PROVIDER: 'wechat',
  SEED_DEMO: 'false',
};

describe('settings', () => {
  it('default to an SQLite file under DATA_DIR', () => {
    const s = loadSettings({ DATA_DIR: '/tmp/escort-x' }, 'local');
    expect(s.db).toEqual({ type: 'sqlite', database: '/tmp/escort-x/escort.sqlite' });
    expect(s.port).toBe(8080);
  });

  it('read MySQL from DB_* variables and from one URL', () => {
    expect(loadSettings({ DB_TYPE: 'mysql', DB_HOST: 'db', DB_NAME: 'e' }).db).toMatchObject({ type: 'mysql', flavor: 'mysql', host: 'db', port: 3306, database: 'e' });
    expect(loadSettings({ DATABASE_URL: 'mariadb://u:p%40ss@h:3307/escort' }).db).toEqual({
      type: 'mysql',
      flavor: 'mariadb',
      host: 'h',
      port: 3307,
      username: 'u',
      password: 'p@ss',
      database: 'escort',
    });
  });

  it('refuse production with any development default and name each problem', () => {
    const problems = productionProblems(loadSettings({ NODE_ENV: 'production' }, 'production'));
    expect(problems.join('\n')).toMatch(/JWT_SECRET/);
    expect(problems.join('\n')).toMatch(/DATA_KEYS/);
    expect(problems.join('\n')).toMatch(/BLIND_INDEX_KEY/);
    expect(problems.join('\n')).toMatch(/SMS_PROVIDER/);
    expect(problems.join('\n')).toMatch(/WECHAT_PROVIDER/);
    expect(() => assertProductionSafe(loadSettings({ NODE_ENV: 'production' }, 'production'))).toThrow(/Refusing to start/);
  });

  it('accept production once every secret and provider is real', () => {
    const s = loadSettings(productionEnv, 'production');
    expect(productionProblems(s)).toEqual([]);
    expect(s.dataKeyCurrent).toBe('k2026');
    expect(s.seedDemo).toBe(false);
  });
});
