import { MoreThan } from 'typeorm';
import { TestApp } from '../helpers/test-app';
import { bearer } from '../helpers/http';
import { AuditLog } from '../../src/modules/audit/audit-log.entity';
import { ServiceItem } from '../../src/modules/catalog/service-item.entity';

/** A valid create body for a service item; tests override the field they are about. */
export function newItem(code: string, extra: object = {}) {
  return {
    code,
    categoryCode: 'outpatient',
    name: `测试项目${code}`,
    description: '测试用的门诊陪诊',
    includes: ['协助挂号', '全程陪同'],
    requiredQualifications: ['basic_escort'],
    preparation: ['身份证', '医保卡'],
    minDurationMinutes: 60,
    maxDurationMinutes: 480,
    defaultDurationMinutes: 240,
    pricingUnit: 'half_day',
    basePriceFen: 19900,
    sortOrder: 100,
    ...extra,
  };
}

/** The editable part of newItem (no code), for PUT. */
export function itemFields(code: string, extra: object = {}) {
  const { code: _code, ...rest } = newItem(code, extra);
  return rest;
}

export function as(t: TestApp, token: string) {
  return {
    get: (path: string, query: Record<string, unknown> = {}) => t.http().get(path).query(query).set(bearer(token)),
    post: (path: string, body: object = {}) => t.http().post(path).set(bearer(token)).send(body),
    put: (path: string, body: object) => t.http().put(path).set(bearer(token)).send(body),
  };
}

export async function lastAuditId(t: TestApp): Promise<number> {
  return (await t.dataSource.getRepository(AuditLog).find({ order: { id: 'DESC' }, take: 1 }))[0]?.id ?? 0;
}

export function auditSince(t: TestApp, id: number): Promise<AuditLog[]> {
  return t.dataSource.getRepository(AuditLog).find({ where: { id: MoreThan(id) }, order: { id: 'ASC' } });
}

export async function itemIdByCode(t: TestApp, code: string): Promise<number> {
  return (await t.dataSource.getRepository(ServiceItem).findOneByOrFail({ code })).id;
}

/** A Shanghai wall-clock time `days` days from today, as an ISO instant ('09:00' → 01:00Z). */
export function shanghaiDaysAhead(days: number, time: string): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const date = new Date(`${today}T${time}:00+08:00`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString();
}
