import { MidwayConfig } from '@midwayjs/core';
import { loadSettings } from './settings';
import { buildDataSourceOptions } from './datasource';

const settings = loadSettings();

export default {
  keys: settings.jwtSecret,
  app: settings,
  koa: {
    port: settings.port,
    // Behind a load balancer the client address comes from X-Forwarded-For.
    proxy: process.env.TRUST_PROXY === 'true',
  },
  typeorm: {
    // Midway drops `migrations` unless told otherwise; the app migrates itself on start.
    allowExecuteMigrations: true,
    dataSource: {
      default: buildDataSourceOptions(settings),
    },
  },
  jwt: {
    secret: settings.jwtSecret,
    sign: { algorithm: 'HS256' },
    verify: { algorithms: ['HS256'] },
  },
  validate: {
    // Unknown fields are refused, never silently dropped or mass-assigned.
    validationOptions: { allowUnknown: false, stripUnknown: false, abortEarly: false },
  },
  i18n: { writeCookie: false, defaultLocale: 'zh_CN' },
  swagger: {
    title: '陪诊陪护运营平台 API',
    description: 'Console (/api/admin), mini-program (/api/app), escort workbench (/api/escort), callbacks (/api/open).',
    version: '0.1.0',
    swaggerPath: '/api/docs',
    auth: { authType: 'bearer' },
  },
  bodyParser: {
    jsonLimit: '1mb',
    formLimit: '1mb',
    onerror(err: Error & { body?: string }, ctx: { path: string; request: { rawBody?: string } }) {
      // A payment callback that is not valid JSON is still stored raw and refused in WeChat's
      // protocol by its handler; everywhere else a malformed body stays a 400.
      if (ctx.path.startsWith('/api/open/') && typeof err.body === 'string') {
        ctx.request.rawBody = err.body;
        return;
      }
      err.message += ', check bodyParser config';
      throw err;
    },
  },
  midwayLogger: {
    default: { level: 'info', consoleLevel: 'info' },
  },
} as MidwayConfig;
