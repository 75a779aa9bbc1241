import { close, createApp, createHttpRequest } from '@midwayjs/mock';
import { Framework, Application } from '@midwayjs/koa';
import { DataSource } from 'typeorm';
import { TypeORMDataSourceManager } from '@midwayjs/typeorm';
import { createScratchMysqlDatabase } from '../../scripts/lib/schema-tools';

export interface TestApp {
  app: Application;
  http: () => ReturnType<typeof createHttpRequest>;
  dataSource: DataSource;
  close: () => Promise<void>;
}

/**
 * Boots the real application on a fresh database: in-memory SQLite by default, or a scratch
 * MySQL/MariaDB database when TEST_DB=mysql (the CI's second run). Demo data is seeded.
 */
export async function startTestApp(): Promise<TestApp> {
  let dropDb: (() => Promise<void>) | undefined;
  if (process.env.TEST_DB === 'mysql') {
    const scratch = await createScratchMysqlDatabase('escort_test');
    process.env.DB_TYPE = 'mysql';
    process.env.DB_NAME = scratch.name;
    dropDb = scratch.drop;
  }
  const app = await createApp<Framework>();
  const manager = await app.getApplicationContext().getAsync(TypeORMDataSourceManager);
  const dataSource = manager.getDataSource('default') as DataSource;
  return {
    app,
    http: () => createHttpRequest(app),
    dataSource,
    close: async () => {
      await close(app);
      if (dropDb) await dropDb();
    },
  };
}

export const DEMO_PASSWORDS = {
  admin: 'Admin@12345',
  ops: 'Ops@123456',
  ops_bj: 'Ops@123456',
  finance: 'Finance@12345',
  support: 'Support@12345',
} as const;

export async function staffToken(t: TestApp, username: keyof typeof DEMO_PASSWORDS): Promise<string> {
  const res = await t.http().post('/api/admin/auth/login').send({ username, password: DEMO_PASSWORDS[username] });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.accessToken;
}

/** Reads the code the development SMS sender "sent". */
export async function latestSmsCode(t: TestApp, phone: string): Promise<string> {
  const res = await t.http().get('/api/dev/sms-outbox').query({ phone });
  if (res.status !== 200) throw new Error(`no sms for ${phone}: ${JSON.stringify(res.body)}`);
  return res.body.data.code;
}
