import { MidwayConfig } from '@midwayjs/core';

export default {
  midwayLogger: { default: { level: 'warn', consoleLevel: 'error', dir: process.env.LOG_DIR || 'logs' } },
} as MidwayConfig;
