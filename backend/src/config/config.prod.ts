import { MidwayConfig } from '@midwayjs/core';

export default {
  midwayLogger: { default: { dir: process.env.LOG_DIR || 'logs', level: 'info', consoleLevel: 'info' } },
} as MidwayConfig;
