import { startTestApp, staffToken, TestApp } from '../helpers/test-app';
import { countChanges, expectError, expectOk, rowCounts } from '../helpers/http';
import { ServiceItem } from '../../src/modules/catalog/service-item.entity';
import { ServiceCityPrice } from '../../src/modules/catalog/service-city-price.entity';
import { StaffUser } from '../../src/modules/users/staff-user.entity';
import { DEMO } from '../../src/seed/demo-data';
import { as, auditSince, itemFields, itemIdByCode, lastAuditId, newItem } from './catalog-fixtures';

describe('service items in the console', () => {
  let t: TestApp;
  let admin: ReturnType<typeof as>;
  let ops: ReturnType<typeof as>;
  let adminId: number;

  beforeAll(async () => {
    t = await startTestApp();
    admin = as(t, await staffToken(t, 'admin'));
    ops = as(t, await staffToken(t, 'ops'));
    adminId = (await t.dataSource.getRepository(StaffUser).findOneByOrFail({ username: 'admin' })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('the demo catalog', () => {
    it('has an item in every category, each priced in every demo city, Beijing higher', async () => {
      const page = expectOk(await admin.get('/api/admin/service-items', { pageSize: 100 }));
      expect(page.total).toBe(DEMO.serviceItems.length);
      expect(new Set(page.list.map((i: { categoryCode: string }) => i.categoryCode))).toEqual(
        new Set(['outpatient', 'examination', 'inpatient_escort', 'inpatient_care', 'errand', 'home_care'])
      );
      for (const item of page.list) {
        expect(item.cityPrices.map((p: { cityName: string }) => p.cityName)).toEqual(['上海', '北京']);
        const [sh, bj] = item.cityPrices;
        expect(bj.unitPriceFen).toBeGreaterThan(sh.unitPriceFen);
      }
      const opd = page.list.find((i: { code: string }) => i.code === 'OPD-HALF');
      expect(opd).toMatchObject({
        name: '门诊陪诊（半天）',
        categoryName: '门诊陪诊',
        pricingUnit: 'half_day',
        unitLabel: '半天',
        basePriceFen: 19900,
        includes: expect.arrayContaining(['候诊陪同']),
        requiredQualifications: ['basic_escort'],
        enabled: true,
      });
      const report = page.list.find((i: { code: string }) => i.code === 'ERR-REPORT');
      expect(report.preparation).toEqual(['就诊人身份证复印件', '缴费凭证或取报告单']);
    });

    it('filters by category, enabled and keyword', async () => {
      const errands = expectOk(await admin.get('/api/admin/service-items', { categoryCode: 'errand' }));
      expect(errands.list.map((i: { code: string }) => i.code)).toEqual(['ERR-REPORT', 'ERR-MEDS', 'ERR-DOCS', 'ERR-PAY']);
      const byKeyword = expectOk(await admin.get('/api/admin/service-items', { keyword: '陪护' }));
      expect(byKeyword.list.map((i: { code: string }) => i.code)).toEqual(['CARE-24H', 'CARE-MONTH']);
      const byCode = expectOk(await admin.get('/api/admin/service-items', { keyword: 'exam' }));
      expect(byCode.list.map((i: { code: string }) => i.code)).toEqual(['EXAM-STD']);
      const disabled = expectOk(await admin.get('/api/admin/service-items', { enabled: false }));
      expect(disabled.list.every((i: { enabled: boolean }) => !i.enabled)).toBe(true);
    });

    it('is readable by support but not by finance', async () => {
      const support = as(t, await staffToken(t, 'support'));
      expectOk(await support.get('/api/admin/service-items'));
      const finance = as(t, await staffToken(t, 'finance'));
      expectError(await finance.get('/api/admin/service-items'), 403, 'FORBIDDEN');
    });
  });

  describe('creating an item', () => {
    it('stores every field, lists as lists, with one catalog.item.create audit row', async () => {
      const before = await rowCounts(t);
      const auditFrom = await lastAuditId(t);
      const res = await admin.post('/api/admin/service-items', newItem('NEW-ONE'));
      const view = expectOk(res);
      expect(view).toMatchObject({
        id: expect.any(Number),
        code: 'NEW-ONE',
        includes: ['协助挂号', '全程陪同'],
        requiredQualifications: ['basic_escort'],
        preparation: ['身份证', '医保卡'],
        minDurationMinutes: 60,
        maxDurationMinutes: 480,
        defaultDurationMinutes: 240,
        basePriceFen: 19900,
        enabled: true,
        cityPrices: [],
      });
      expect(countChanges(before, await rowCounts(t))).toEqual({ service_items: 1, audit_logs: 1 });
      const row = await t.dataSource.getRepository(ServiceItem).findOneByOrFail({ id: view.id });
      expect(row.includes).toEqual(['协助挂号', '全程陪同']);
      const [audit] = await auditSince(t, auditFrom);
      expect(audit).toMatchObject({
        actorId: adminId,
        action: 'catalog.item.create',
        targetType: 'service_item',
        targetId: String(view.id),
        before: null,
        requestId: res.headers['x-request-id'],
      });
      expect(JSON.parse(audit.after!)).toMatchObject({ code: 'NEW-ONE', basePriceFen: 19900 });
    });

    it('lets ops create items too', async () => {
      expectOk(await ops.post('/api/admin/service-items', newItem('BY-OPS')));
    });

    it('refuses a code that is taken with 409 SERVICE_CODE_TAKEN and writes nothing', async () => {
      const before = await rowCounts(t);
      expectError(await admin.post('/api/admin/service-items', newItem('OPD-HALF')), 409, 'SERVICE_CODE_TAKEN');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
    });

    it.each([
      ['a negative price', { basePriceFen: -1 }],
      ['a fractional price', { basePriceFen: 199.5 }],
      ['a price in yuan text', { basePriceFen: '¥199' }],
      ['an unknown field', { enabled: false }],
      ['an unknown category', { categoryCode: 'massage' }],
      ['an unknown pricing unit', { pricingUnit: 'week' }],
      ['an unknown qualification', { requiredQualifications: ['driver_licence'] }],
      ['a duration not a multiple of 30', { defaultDurationMinutes: 45 }],
      ['a maximum below the minimum', { minDurationMinutes: 240, maxDurationMinutes: 120, defaultDurationMinutes: 240 }],
      ['a default outside the range', { defaultDurationMinutes: 600 }],
      ['a lower-case code', { code: 'opd-x' }],
      ['includes that is not a list', { includes: '挂号' }],
      ['an empty name', { name: '' }],
    ])('refuses %s with 400 VALIDATION_FAILED and writes nothing', async (_why, extra) => {
      const before = await rowCounts(t);
      const res = await admin.post('/api/admin/service-items', newItem('REJECTED', extra));
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
    });

    it('explains a bad price in Chinese', async () => {
      const res = await admin.post('/api/admin/service-items', newItem('REJECTED', { basePriceFen: 1.5 }));
      expect(res.body.errorMessage).toContain('不能有小数');
      const negative = await admin.post('/api/admin/service-items', newItem('REJECTED', { basePriceFen: -100 }));
      expect(negative.body.errorMessage).toContain('不能为负数');
    });

    it.each(['finance', 'support'] as const)('refuses %s with 403 and writes nothing', async username => {
      const token = await staffToken(t, username);
      const before = await rowCounts(t);
      expectError(await as(t, token).post('/api/admin/service-items', newItem('NOPE')), 403, 'FORBIDDEN');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
    });
  });

  describe('updating, disabling and enabling an item', () => {
    it('updates the editable fields with before and after in the audit row', async () => {
      const { id } = expectOk(await admin.post('/api/admin/service-items', newItem('UPD-ONE')));
      const auditFrom = await lastAuditId(t);
      const updated = expectOk(await admin.put(`/api/admin/service-items/${id}`, itemFields('UPD-ONE', { name: '改名后的项目', basePriceFen: 25900, preparation: ['身份证复印件'] })));
      expect(updated).toMatchObject({ id, code: 'UPD-ONE', name: '改名后的项目', basePriceFen: 25900, preparation: ['身份证复印件'] });
      const [audit] = await auditSince(t, auditFrom);
      expect(audit.action).toBe('catalog.item.update');
      expect(JSON.parse(audit.before!)).toMatchObject({ name: '测试项目UPD-ONE', basePriceFen: 19900 });
      expect(JSON.parse(audit.after!)).toMatchObject({ name: '改名后的项目', basePriceFen: 25900 });
    });

    it('refuses to change the code, which other records keep', async () => {
      const id = await itemIdByCode(t, 'UPD-ONE');
      const before = await rowCounts(t);
      expectError(await admin.put(`/api/admin/service-items/${id}`, { ...itemFields('UPD-ONE'), code: 'OTHER' }), 400, 'VALIDATION_FAILED');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
    });

    it('answers 404 SERVICE_NOT_FOUND for an unknown item and 400 for a bad id', async () => {
      expectError(await admin.put('/api/admin/service-items/99999', itemFields('X')), 404, 'SERVICE_NOT_FOUND');
      expectError(await admin.post('/api/admin/service-items/abc/disable'), 400, 'VALIDATION_FAILED');
    });

    it('disables and enables through verbs, each with its audit row', async () => {
      const id = await itemIdByCode(t, 'UPD-ONE');
      const auditFrom = await lastAuditId(t);
      expect(expectOk(await admin.post(`/api/admin/service-items/${id}/disable`)).enabled).toBe(false);
      expect(expectOk(await admin.get(`/api/admin/service-items/${id}`)).enabled).toBe(false);
      expect(expectOk(await admin.post(`/api/admin/service-items/${id}/enable`)).enabled).toBe(true);
      const audits = await auditSince(t, auditFrom);
      expect(audits.map(a => [a.action, a.targetId])).toEqual([
        ['catalog.item.disable', String(id)],
        ['catalog.item.enable', String(id)],
      ]);
    });
  });

  describe('city prices', () => {
    it('sets a first price (offering the item there), then changes it, each audited', async () => {
      const { id } = expectOk(await admin.post('/api/admin/service-items', newItem('CITY-ONE')));
      const before = await rowCounts(t);
      const auditFrom = await lastAuditId(t);
      const first = expectOk(await admin.put(`/api/admin/service-items/${id}/city-prices/1`, { unitPriceFen: 18800 }));
      expect(first).toMatchObject({ serviceItemId: id, cityId: 1, cityName: '上海', unitPriceFen: 18800, enabled: true });
      const second = expectOk(await admin.put(`/api/admin/service-items/${id}/city-prices/1`, { unitPriceFen: 19800 }));
      expect(second).toMatchObject({ id: first.id, unitPriceFen: 19800 });
      expect(countChanges(before, await rowCounts(t))).toEqual({ service_city_prices: 1, audit_logs: 2 });
      const audits = await auditSince(t, auditFrom);
      expect(audits.map(a => a.action)).toEqual(['catalog.city_price.set', 'catalog.city_price.set']);
      expect(JSON.parse(audits[1].before!)).toMatchObject({ unitPriceFen: 18800 });
      expect(JSON.parse(audits[1].after!)).toMatchObject({ unitPriceFen: 19800 });
      expect(expectOk(await admin.get(`/api/admin/service-items/${id}`)).cityPrices).toEqual([second]);
    });

    it.each([
      ['a negative price', { unitPriceFen: -100 }],
      ['a fractional price', { unitPriceFen: 100.01 }],
      ['no price', {}],
      ['an unknown field', { unitPriceFen: 100, enabled: false }],
    ])('refuses %s with 400 and writes nothing', async (_why, body) => {
      const id = await itemIdByCode(t, 'CITY-ONE');
      const before = await rowCounts(t);
      expectError(await admin.put(`/api/admin/service-items/${id}/city-prices/2`, body), 400, 'VALIDATION_FAILED');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
      expect(await t.dataSource.getRepository(ServiceCityPrice).countBy({ serviceItemId: id, cityId: 2 })).toBe(0);
    });

    it('refuses a city that does not exist with 422 CITY_NOT_FOUND', async () => {
      const id = await itemIdByCode(t, 'CITY-ONE');
      expectError(await admin.put(`/api/admin/service-items/${id}/city-prices/99`, { unitPriceFen: 100 }), 422, 'CITY_NOT_FOUND');
    });

    it('keeps Shanghai ops to Shanghai prices: Beijing is 403 CITY_SCOPE_FORBIDDEN', async () => {
      const id = await itemIdByCode(t, 'CITY-ONE');
      expectOk(await ops.put(`/api/admin/service-items/${id}/city-prices/1`, { unitPriceFen: 20800 }));
      const before = await rowCounts(t);
      expectError(await ops.put(`/api/admin/service-items/${id}/city-prices/2`, { unitPriceFen: 20800 }), 403, 'CITY_SCOPE_FORBIDDEN');
      expectError(await ops.post(`/api/admin/service-items/${id}/city-prices/2/disable`), 403, 'CITY_SCOPE_FORBIDDEN');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
    });

    it('stops and resumes selling in a city through verbs', async () => {
      const id = await itemIdByCode(t, 'CITY-ONE');
      const auditFrom = await lastAuditId(t);
      expect(expectOk(await admin.post(`/api/admin/service-items/${id}/city-prices/1/disable`)).enabled).toBe(false);
      expect(expectOk(await admin.post(`/api/admin/service-items/${id}/city-prices/1/enable`)).enabled).toBe(true);
      expect((await auditSince(t, auditFrom)).map(a => a.action)).toEqual(['catalog.city_price.disable', 'catalog.city_price.enable']);
      expectError(await admin.post(`/api/admin/service-items/${id}/city-prices/2/enable`), 404, 'NOT_FOUND');
    });
  });
});
