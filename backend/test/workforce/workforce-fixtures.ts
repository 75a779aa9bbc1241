import * as fs from 'fs';
import * as path from 'path';
import { bearer, expectOk } from '../helpers/http';
import { staffToken, TestApp } from '../helpers/test-app';
import { booking, orderWorld, OrderWorld, services, startIn } from '../orders/order-fixtures';
import { DispatchService } from '../../src/modules/dispatch/dispatch.service';
import { DispatchJobs } from '../../src/modules/dispatch/dispatch-jobs';
import { EscortCredentialService } from '../../src/modules/escorts/escort-credential.service';
import { Order } from '../../src/modules/orders/order.entity';
import { Notification } from '../../src/modules/notifications/notification.entity';

export { startIn };

/** The demo escorts of Shanghai (city 1): 李静 senior, 王强 junior, 陈晓燕 expert. */
export const ESCORT = { liJing: 1, wangQiang: 2, chenXiaoyan: 3, zhaoMin: 4, liuYang: 5 } as const;

export interface WorkforceWorld extends OrderWorld {
  financeToken: string;
  opsBjToken: string;
}

export async function workforceWorld(t: TestApp): Promise<WorkforceWorld> {
  const w = await orderWorld(t);
  return { ...w, financeToken: await staffToken(t, 'finance'), opsBjToken: await staffToken(t, 'ops_bj') };
}

export const workforce = (t: TestApp) => {
  const ctx = t.app.getApplicationContext();
  return {
    dispatch: () => ctx.getAsync(DispatchService),
    jobs: () => ctx.getAsync(DispatchJobs),
    credentials: () => ctx.getAsync(EscortCredentialService),
  };
};

/** A paid order in the dispatch pool at `start` (a Date on the half hour), `minutes` long. */
export async function paidOrder(t: TestApp, w: OrderWorld, start: Date, minutes = 120, overrides: Record<string, unknown> = {}): Promise<Order> {
  const orders = await services(t).orders();
  const o = await orders.create(w.customerId, { ...booking(w), startAt: start, durationMinutes: minutes, ...overrides } as any);
  return orders.markPaid(o.id, o.totalFen);
}

export function assign(t: TestApp, token: string, orderId: number, escortId: number, extra: Record<string, unknown> = {}) {
  return t.http().post(`/api/admin/orders/${orderId}/assign`).set(bearer(token)).send({ escortId, reason: '系统推荐第一名', ...extra });
}

export async function orderRow(t: TestApp, id: number): Promise<Order> {
  return t.dataSource.getRepository(Order).findOneByOrFail({ id });
}

/** Inbox rows for one recipient with one event. */
export async function inbox(t: TestApp, recipientType: 'staff' | 'escort' | 'customer', recipientId: number, event: string): Promise<Notification[]> {
  return t.dataSource.getRepository(Notification).find({ where: { recipientType, recipientId, event }, order: { id: 'ASC' } });
}

/** Sets an escort's week through the admin API. */
export async function setWeek(t: TestApp, token: string, escortId: number, ranges: Array<{ weekday: number; start: string; end: string }>) {
  return expectOk(await t.http().put(`/api/admin/escorts/${escortId}/weekly-shifts`).set(bearer(token)).send({ ranges }));
}

export const everyDay = (start: string, end: string) => [1, 2, 3, 4, 5, 6, 7].map(weekday => ({ weekday, start, end }));

// ---------------------------------------------------------------- files

export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF'), Buffer.alloc(200, 7)]);
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 3)]);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');
export const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0), Buffer.from('This program cannot be run in DOS mode.')]);

export function upload(t: TestApp, token: string, purpose: string, filename: string, content: Buffer, url = '/api/escort/files') {
  return t
    .http()
    .post(url)
    .query({ purpose, filename })
    .set(bearer(token))
    .set('Content-Type', 'application/octet-stream')
    .send(content);
}

/** Every file under DATA_DIR/uploads (relative paths), to prove a refused upload left nothing behind. */
export function storedFiles(): string[] {
  const root = path.join(process.env.DATA_DIR as string, 'uploads');
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(root, full));
    }
  };
  walk(root);
  return out.sort();
}

/** A valid 18-digit resident ID number for a birth date (GB 11643 check character). */
export function idCardNumber(region: string, birth: string, seq: string): string {
  const first17 = `${region}${birth}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, wgt, i) => acc + Number(first17[i]) * wgt, 0);
  return first17 + '10X98765432'[sum % 11];
}
