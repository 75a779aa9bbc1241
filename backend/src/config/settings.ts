import * as path from 'path';
import * as crypto from 'crypto';

/**
 * Every setting the backend reads from the environment, typed and defaulted in one place.
 * Development defaults are safe for a laptop and refused in production by
 * `assertProductionSafe`, so a forgotten variable can never reach real customers.
 */
export interface AppSettings {
  env: string;
  port: number;
  dataDir: string;
  db:
    | { type: 'sqlite'; database: string }
    | { type: 'mysql'; flavor: 'mysql' | 'mariadb'; host: string; port: number; username: string; password: string; database: string };
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** `k1:<base64 32 bytes>,k2:...`; the current key encrypts, all keys decrypt. */
  dataKeys: string;
  dataKeyCurrent: string;
  blindIndexKey: string;
  /** Only 'dev' has an adapter so far; any other value is refused until its adapter exists. */
  smsProvider: string;
  wechatProvider: 'sandbox' | 'wechat';
  wechatAppId: string;
  wechatAppSecret: string;
  /** Where payments go: `sandbox` (our own in-process stand-in, development only) or `wechat` (WeChat Pay API v3). */
  paymentProvider: 'sandbox' | 'wechat';
  wechatPay: WechatPaySettings;
  sandboxPay: {
    /** PEM or path; the shipped sandbox certificate's key when empty. */
    platformPrivateKey: string;
    /** The X.509 certificate of platformPrivateKey (PEM or path), served by the sandbox's GET /v3/certificates; without it that key has no certificate to download. */
    platformCert: string;
    merchantPrivateKey: string;
    /** 32 characters; random on start when empty. Set it (with the platform key) to sign callbacks outside the process, as the callback bench does. */
    apiV3Key: string;
    /** `auto`: the sandbox completes refunds at once; `manual`: POST /api/sandbox-pay/refunds/:outRefundNo/complete. */
    refunds: 'auto' | 'manual';
  };
  seedDemo: boolean;
  /** Background jobs (close unpaid orders, reminders, message delivery); off in unit tests, which run them by hand. */
  jobsEnabled: boolean;
  jobIntervalSeconds: number;
  consoleDir: string;
  h5Dir: string;
  corsOrigins: string[];
}

export interface WechatPaySettings {
  mchId: string;
  appId: string;
  /** Serial number of the merchant API certificate. */
  mchSerial: string;
  /** Merchant API private key: PEM text or a path to apiclient_key.pem. */
  privateKey: string;
  /** APIv3 key, 32 characters. */
  apiV3Key: string;
  /** Platform certificates: PEM text (one or more) or a path to a PEM bundle. */
  platformCerts: string;
  /** WeChat Pay public key id (`PUB_KEY_ID_...`) and key (PEM or path), the newer alternative to certificates. */
  publicKeyId: string;
  publicKey: string;
  /** Download platform certificates (GET /v3/certificates) at start, every 12 h and for an unknown serial. Default: on unless a public key id is set. */
  certificateDownload: boolean;
  /** Public HTTPS URLs WeChat calls back; the refund one defaults to `.../refund-notify` next to the payment one. */
  notifyUrl: string;
  refundNotifyUrl: string;
  baseUrl: string;
}

/** Deterministic development secrets: obviously not secret, which is the point. */
const devSecret = (label: string) => crypto.createHash('sha256').update(`escort-dev-only:${label}`).digest('base64');
export const DEV_JWT_SECRET = devSecret('jwt');
export const DEV_DATA_KEYS = `dev1:${devSecret('data-key')}`;
export const DEV_BLIND_INDEX_KEY = devSecret('blind-index');

function parseDatabaseUrl(url: string): AppSettings['db'] {
  const u = new URL(url);
  if (u.protocol === 'sqlite:') return { type: 'sqlite', database: decodeURIComponent(u.pathname) };
  if (u.protocol !== 'mysql:' && u.protocol !== 'mariadb:') {
    throw new Error(`DATABASE_URL: unsupported protocol ${u.protocol} (use mysql:// or sqlite://)`);
  }
  return {
    type: 'mysql',
    flavor: u.protocol === 'mariadb:' ? 'mariadb' : 'mysql',
    host: u.hostname,
    port: Number(u.port || 3306),
    username: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.replace(/^\//, ''),
  };
}

export function loadSettings(env: NodeJS.ProcessEnv = process.env, appEnv = env.NODE_ENV || 'local'): AppSettings {
  const repoRoot = path.resolve(__dirname, '../../..');
  const dataDir = path.resolve(env.DATA_DIR || path.join(repoRoot, 'data'));
  let db: AppSettings['db'];
  if (env.DATABASE_URL) {
    db = parseDatabaseUrl(env.DATABASE_URL);
  } else if (env.DB_TYPE === 'mysql' || env.DB_TYPE === 'mariadb') {
    db = {
      type: 'mysql',
      flavor: env.DB_TYPE,
      host: env.DB_HOST || '127.0.0.1',
      port: Number(env.DB_PORT || 3306),
      username: env.DB_USER || 'root',
      password: env.DB_PASSWORD || '',
      database: env.DB_NAME || 'escort',
    };
  } else {
    db = { type: 'sqlite', database: env.DB_SQLITE_FILE || path.join(dataDir, 'escort.sqlite') };
  }
  return {
    env: appEnv,
    port: Number(env.PORT || 8080),
    dataDir,
    db,
    jwtSecret: env.JWT_SECRET || DEV_JWT_SECRET,
    accessTokenTtlSeconds: Number(env.ACCESS_TOKEN_TTL || 900),
    refreshTokenTtlSeconds: Number(env.REFRESH_TOKEN_TTL || 30 * 24 * 3600),
    dataKeys: env.DATA_KEYS || DEV_DATA_KEYS,
    dataKeyCurrent: env.DATA_KEY_CURRENT || (env.DATA_KEYS ? env.DATA_KEYS.split(':')[0] : 'dev1'),
    blindIndexKey: env.BLIND_INDEX_KEY || DEV_BLIND_INDEX_KEY,
    smsProvider: (env.SMS_PROVIDER as AppSettings['smsProvider']) || 'dev',
    wechatProvider: (env.WECHAT_PROVIDER as AppSettings['wechatProvider']) || 'sandbox',
    wechatAppId: env.WECHAT_APP_ID || 'wx-sandbox-app',
    wechatAppSecret: env.WECHAT_APP_SECRET || 'sandbox-secret',
    paymentProvider: (env.PAYMENT_PROVIDER as AppSettings['paymentProvider']) || 'sandbox',
    wechatPay: wechatPaySettings(env),
    sandboxPay: {
      platformPrivateKey: env.SANDBOX_PAY_PLATFORM_PRIVATE_KEY || '',
      platformCert: env.SANDBOX_PAY_PLATFORM_CERT || '',
      merchantPrivateKey: env.SANDBOX_PAY_MERCHANT_PRIVATE_KEY || '',
      apiV3Key: env.SANDBOX_PAY_APIV3_KEY || '',
      refunds: env.SANDBOX_PAY_REFUNDS === 'manual' ? 'manual' : 'auto',
    },
    jobsEnabled: env.JOBS_ENABLED ? env.JOBS_ENABLED === 'true' : appEnv !== 'unittest',
    jobIntervalSeconds: Number(env.JOB_INTERVAL_SECONDS || 30),
    seedDemo: env.SEED_DEMO ? env.SEED_DEMO === 'true' : appEnv !== 'production' && appEnv !== 'prod',
    consoleDir: path.resolve(env.CONSOLE_DIR || path.join(repoRoot, 'console/dist')),
    h5Dir: path.resolve(env.H5_DIR || path.join(repoRoot, 'customer-taro/dist/h5')),
    corsOrigins: (env.CORS_ORIGINS || '').split(',').map(s => s.trim()).filter(Boolean),
  };
}

function wechatPaySettings(env: NodeJS.ProcessEnv): WechatPaySettings {
  const port = Number(env.PORT || 8080);
  // In development the sandbox calls back this same process.
  const notifyUrl = env.WECHATPAY_NOTIFY_URL || `http://127.0.0.1:${port}/api/open/payments/wechat/notify`;
  return {
    mchId: env.WECHATPAY_MCH_ID || '',
    appId: env.WECHATPAY_APP_ID || env.WECHAT_APP_ID || 'wx-sandbox-app',
    mchSerial: env.WECHATPAY_MCH_SERIAL || '',
    privateKey: env.WECHATPAY_PRIVATE_KEY || '',
    apiV3Key: env.WECHATPAY_APIV3_KEY || '',
    platformCerts: env.WECHATPAY_PLATFORM_CERTS || '',
    publicKeyId: env.WECHATPAY_PUBLIC_KEY_ID || '',
    publicKey: env.WECHATPAY_PUBLIC_KEY || '',
    certificateDownload: env.WECHATPAY_CERT_DOWNLOAD ? env.WECHATPAY_CERT_DOWNLOAD === 'true' : !env.WECHATPAY_PUBLIC_KEY_ID,
    notifyUrl,
    refundNotifyUrl: env.WECHATPAY_REFUND_NOTIFY_URL || notifyUrl.replace(/\/notify$/, '/refund-notify'),
    baseUrl: env.WECHATPAY_BASE_URL || 'https://api.mch.weixin.qq.com',
  };
}

/** What is missing or wrong for the real WeChat Pay adapter; empty means it can start. */
export function wechatPayProblems(w: WechatPaySettings): string[] {
  const problems: string[] = [];
  if (!/^\d{8,12}$/.test(w.mchId)) problems.push('WECHATPAY_MCH_ID must be the merchant id');
  if (!w.appId || w.appId === 'wx-sandbox-app') problems.push('WECHATPAY_APP_ID (or WECHAT_APP_ID) must be the mini-program AppID');
  if (!w.mchSerial) problems.push('WECHATPAY_MCH_SERIAL must be the merchant certificate serial number');
  if (!w.privateKey) problems.push('WECHATPAY_PRIVATE_KEY must be the merchant private key (PEM or path)');
  if (Buffer.byteLength(w.apiV3Key, 'utf8') !== 32) problems.push('WECHATPAY_APIV3_KEY must be the 32-character APIv3 key');
  if (!w.platformCerts && !(w.publicKeyId && w.publicKey) && !w.certificateDownload) {
    problems.push('WECHATPAY_PLATFORM_CERTS, WECHATPAY_PUBLIC_KEY_ID + WECHATPAY_PUBLIC_KEY, or WECHATPAY_CERT_DOWNLOAD=true are needed to verify callbacks');
  }
  if (w.publicKeyId && !w.publicKeyId.startsWith('PUB_KEY_ID_')) problems.push('WECHATPAY_PUBLIC_KEY_ID must start with PUB_KEY_ID_');
  if (!/^https:\/\/[^?#]+$/.test(w.notifyUrl)) problems.push('WECHATPAY_NOTIFY_URL must be a public https URL without a query');
  if (!/^https:\/\/[^?#]+$/.test(w.refundNotifyUrl)) problems.push('WECHATPAY_REFUND_NOTIFY_URL must be a public https URL without a query');
  return problems;
}

/** The list of reasons production must not start with these settings; empty means safe. */
export function productionProblems(s: AppSettings): string[] {
  const problems: string[] = [];
  if (s.jwtSecret === DEV_JWT_SECRET || s.jwtSecret.length < 32) problems.push('JWT_SECRET must be set (32+ chars)');
  if (s.dataKeys === DEV_DATA_KEYS) problems.push('DATA_KEYS must be set (field encryption keys)');
  if (s.blindIndexKey === DEV_BLIND_INDEX_KEY) problems.push('BLIND_INDEX_KEY must be set');
  if (s.smsProvider === 'dev') problems.push('SMS_PROVIDER=dev only writes codes to the log');
  if (s.wechatProvider === 'sandbox') problems.push('WECHAT_PROVIDER=sandbox is not the real WeChat API');
  if (s.paymentProvider === 'sandbox') problems.push('PAYMENT_PROVIDER=sandbox is not real WeChat Pay (and serves /api/sandbox-pay)');
  else if (s.paymentProvider === 'wechat') problems.push(...wechatPayProblems(s.wechatPay));
  else problems.push(`PAYMENT_PROVIDER=${String(s.paymentProvider)} is unknown (sandbox or wechat)`);
  if (s.seedDemo) problems.push('SEED_DEMO must be off in production');
  return problems;
}

export function assertProductionSafe(s: AppSettings): void {
  const problems = productionProblems(s);
  if (problems.length) {
    throw new Error(`Refusing to start in production with development settings:\n - ${problems.join('\n - ')}`);
  }
}
