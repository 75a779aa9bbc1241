import { assertProductionSafe, loadSettings, productionProblems } from './settings';

const strongKey = Buffer.alloc(32, 7).toString('base64');
const productionEnv = {
  NODE_ENV: 'production',
  JWT_SECRET: 'x'.repeat(48),
  DATA_KEYS: `k2026:${strongKey}`,
  BLIND_INDEX_KEY: Buffer.alloc(32, 9).toString('base64'),
  SMS_PROVIDER: 'real-provider',
  WECHAT_PROVIDER: 'wechat',
  WECHAT_APP_ID: 'wxd678efh567hg6787',
  PAYMENT_PROVIDER: 'wechat',
  WECHATPAY_MCH_ID: '1900000109',
  WECHATPAY_MCH_SERIAL: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  WECHATPAY_PRIVATE_KEY: '/etc/escort/apiclient_key.pem',
  WECHATPAY_APIV3_KEY: 'a'.repeat(32),
  WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0119000001234567890123456789AB',
  WECHATPAY_PUBLIC_KEY: '/etc/escort/pub_key.pem',
  WECHATPAY_NOTIFY_URL: 'https://escort.example.com/api/open/payments/wechat/notify',
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
    expect(problems.join('\n')).toMatch(/PAYMENT_PROVIDER=sandbox/);
    expect(() => assertProductionSafe(loadSettings({ NODE_ENV: 'production' }, 'production'))).toThrow(/Refusing to start/);
  });

  it('refuse real WeChat Pay with any part of its configuration missing or wrong', () => {
    const incomplete = loadSettings({ ...productionEnv, WECHATPAY_APIV3_KEY: 'short', WECHATPAY_PUBLIC_KEY_ID: '', WECHATPAY_CERT_DOWNLOAD: 'false', WECHATPAY_NOTIFY_URL: 'http://escort.example.com/notify' }, 'production');
    const problems = productionProblems(incomplete).join('\n');
    expect(problems).toMatch(/WECHATPAY_APIV3_KEY/);
    expect(problems).toMatch(/WECHATPAY_PLATFORM_CERTS, WECHATPAY_PUBLIC_KEY_ID \+ WECHATPAY_PUBLIC_KEY, or WECHATPAY_CERT_DOWNLOAD=true are needed/);
    expect(problems).toMatch(/WECHATPAY_NOTIFY_URL must be a public https URL/);
    expect(productionProblems(loadSettings({ ...productionEnv, PAYMENT_PROVIDER: 'alipay' }, 'production')).join('\n')).toMatch(/PAYMENT_PROVIDER=alipay is unknown/);
    const s = loadSettings(productionEnv, 'production');
    expect(s.wechatPay.refundNotifyUrl).toBe('https://escort.example.com/api/open/payments/wechat/refund-notify');
    expect(s.wechatPay.appId).toBe('wxd678efh567hg6787');
  });

  it('accept production once every secret and provider is real', () => {
    const s = loadSettings(productionEnv, 'production');
    expect(productionProblems(s)).toEqual([]);
    expect(s.dataKeyCurrent).toBe('k2026');
    expect(s.seedDemo).toBe(false);
  });
});
