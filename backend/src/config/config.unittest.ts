import { MidwayConfig } from '@midwayjs/core';

export default {
  // Tests and the OpenAPI export drive the app in-process (supertest); listening on a port would
  // collide with anything else on the machine, including a second test run.
  koa: { port: null as unknown as number },
  midwayLogger: { default: { level: 'warn', consoleLevel: 'error', dir: process.env.LOG_DIR || 'logs' } },
} as MidwayConfig;
